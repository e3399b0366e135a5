package org.assure.cli.internal;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assure owner …}: this home as a management system at the Trusted Authority (draft §9.3). */
@Command(name = "owner", synopsisSubcommandLabel = "COMMAND",
        description = "Act as a management system at the Trusted Authority's Owner API (draft §9.3).",
        subcommands = {OwnerRegisterCommand.class, OwnerCommand.Show.class, OwnerDeviceCommands.Claim.class,
                OwnerDeviceCommands.Transfer.class, OwnerDeviceCommands.Release.class})
final class OwnerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** {@code assure owner show}: who this home is. */
    @Command(name = "show", description = "Print this home's management id and the authority it is registered with.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private CommonOptions common;

        @Override
        public Integer call() {
            OwnerIdentity owner = OwnerIdentity.load(common.home());
            PrintWriter out = spec.commandLine().getOut();
            if (common.json()) {
                Map<String, Object> json = Json.object();
                json.put("management_id", owner.mgmtId());
                json.put("trusted_authority_url", owner.trustedAuthority().toString());
                json.put("certificate_sha256", Credentials.fingerprint(owner.credentials().certificate()));
                out.print(Json.write(json));
            } else {
                out.println("management id:     " + owner.mgmtId());
                out.println("trusted authority: " + owner.trustedAuthority());
                out.println("certificate:       sha256 " + Credentials.fingerprint(owner.credentials().certificate()));
            }
            out.flush();
            return AssureMain.EXIT_OK;
        }
    }
}
