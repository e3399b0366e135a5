package org.assure.cli.internal;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The owner changes of draft §9.3.2–9.3.5 as this home's management system: claim (with the case id), transfer,
 * release. The authority answers 403 to anything its ownership state machine refuses and changes nothing
 * (PROFILE-ADDITIONS 17); the messages below say which causes that covers.
 */
final class OwnerDeviceCommands {
    /** What a management id looks like (PROFILE-ADDITIONS 18): 16..40 hex digits. */
    private static final Pattern MGMT_ID = Pattern.compile("\\p{XDigit}{16,40}");

    private OwnerDeviceCommands() {
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String mgmtId(String value) {
        if (!MGMT_ID.matcher(value).matches()) {
            throw new CliException("--to is not a management id (16..40 hex digits)");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static void changeOwner(OwnerIdentity owner, UUID device, String query, String refused) {
        owner.ownerApi().send("PUT", "/v1/devices/" + device + "/owner?" + query, null, null, 204,
                Map.of(403, refused,
                        401, "the Trusted Authority does not know this management system (registered elsewhere?)",
                        400, "the Trusted Authority refused the request as malformed"));
    }

    private static void print(CommandSpec spec, CommonOptions common, String text, Map<String, Object> json) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(common.json() ? Json.write(json) : text + "\n");
        out.flush();
    }

    /** {@code assure owner claim}: §9.3.2, or §9.3.4 with {@code --assign}. */
    @Command(name = "claim",
            description = {"Claim a device for this management system with its case id (draft §9.3.2): from a",
                    "picture of its QR code (--qr) or --uuid with --case. With --assign MGMTID the device goes",
                    "straight to that management system (claim and assign, §9.3.4)."})
    static final class Claim implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private CommonOptions common;

        @Mixin
        private CaseOptions device;

        @Option(names = "--assign", paramLabel = "MGMTID", description = "Assign the device to this management system.")
        private String assign;

        @Override
        public Integer call() {
            OwnerIdentity owner = OwnerIdentity.load(common.home());
            CaseOptions.DeviceCase target = device.resolve();
            String query = "case_string=" + encode(target.caseString());
            String newOwner = owner.mgmtId();
            if (assign != null) {
                newOwner = mgmtId(assign);
                query += "&mgmtid=" + newOwner;
            }
            changeOwner(owner, target.device(), query, "claim of " + target.device()
                    + " refused: wrong case id, unknown device, or a device another management system owns"
                    + (assign != null ? ", or an unknown management id to assign" : ""));
            Map<String, Object> json = Json.object();
            json.put("device", target.device().toString());
            json.put("owner", newOwner);
            print(spec, common, "claimed " + target.device() + (assign != null ? " and assigned it to " : " for ")
                    + "management system " + newOwner, json);
            return AssureMain.EXIT_OK;
        }
    }

    /** {@code assure owner transfer UUID --to MGMTID}: §9.3.3. */
    @Command(name = "transfer",
            description = {"Transfer a device this management system owns to another management system (draft",
                    "§9.3.3). Its owner sequence increases, so the old owner's images and keys stop counting."})
    static final class Transfer implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private CommonOptions common;

        @Parameters(index = "0", paramLabel = "UUID", description = "The device.")
        private UUID device;

        @Option(names = "--to", required = true, paramLabel = "MGMTID", description = "The new owner's management id.")
        private String to;

        @Override
        public Integer call() {
            String target = mgmtId(to);
            OwnerIdentity owner = OwnerIdentity.load(common.home());
            changeOwner(owner, device, "mgmtid=" + target, "transfer of " + device
                    + " refused: the device is not owned by this management system, or " + target
                    + " is not a registered management system");
            Map<String, Object> json = Json.object();
            json.put("device", device.toString());
            json.put("from", owner.mgmtId());
            json.put("owner", target);
            print(spec, common, "transferred " + device + " from management system " + owner.mgmtId() + " to "
                    + target, json);
            return AssureMain.EXIT_OK;
        }
    }

    /** {@code assure owner release UUID}: §9.3.5. */
    @Command(name = "release",
            description = {"Release a device this management system owns (draft §9.3.5): afterwards anyone who",
                    "has its case id can claim it."})
    static final class Release implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private CommonOptions common;

        @Parameters(index = "0", paramLabel = "UUID", description = "The device.")
        private UUID device;

        @Override
        public Integer call() {
            OwnerIdentity owner = OwnerIdentity.load(common.home());
            changeOwner(owner, device, "mgmtid=NULL", "release of " + device
                    + " refused: the device is not owned by this management system");
            Map<String, Object> json = Json.object();
            json.put("device", device.toString());
            json.put("owner", null);
            print(spec, common, "released " + device + "; anyone with its case id can claim it now", json);
            return AssureMain.EXIT_OK;
        }
    }
}
