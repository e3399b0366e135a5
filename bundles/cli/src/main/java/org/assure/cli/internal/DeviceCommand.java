package org.assure.cli.internal;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assure.core.json.DeviceInfoJson;
import org.assure.core.json.DeviceStatusJson;
import org.assure.core.json.JsonDecodeException;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.DeviceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assure device …}: the management server's Registration API (draft §11.2) as an installer — register a
 * device with its case id (the server claims it at the Trusted Authority and uploads its bootstrap image),
 * replace one device by another, and read a device's status and information.
 */
@Command(name = "device", synopsisSubcommandLabel = "COMMAND",
        description = {"Use the management server's Registration API as an installer (draft §11.2): register,",
                "replace, status, info. Endpoint, CA and user come from the authority info; the password from",
                "<home>/authority/installer.password unless --installer-password-file is given."},
        subcommands = {DeviceCommand.Register.class, DeviceCommand.Replace.class, DeviceCommand.Status.class,
                DeviceCommand.Info.class})
final class DeviceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    private static final Map<Integer, String> NOT_OURS = Map.of(
            401, "not a device of this management server, or the installer login is wrong",
            404, "the management server has no such resource");

    /** Where the Registration API is and how to log in. */
    static final class Connection {
        @Mixin
        private CommonOptions common;

        @Option(names = "--authority-info", paramLabel = "FILE",
                description = "The authority info 'authority start' wrote (default: <home>/authority/authority.json).")
        private Path authorityInfo;

        @Option(names = "--installer-password-file", paramLabel = "FILE",
                description = "The installer's password (default: <home>/authority/installer.password).")
        private Path passwordFile;

        @Spec(Spec.Target.MIXEE)
        private CommandSpec mixee;

        HttpsClient client() {
            Home home = common.home(mixee);
            AuthorityInfo info = AuthorityInfo.load(authorityInfo != null ? authorityInfo : AuthorityInfo.defaultFile(home));
            AuthorityInfo.Management management = info.management().orElseThrow(() -> new CliException(
                    "the authority info names no management server"));
            Path file = passwordFile != null ? passwordFile
                    : home.path(Home.AUTHORITY, AuthorityStartCommand.INSTALLER_PASSWORD_FILE);
            String password = Home.readText(file, "the installer password; give --installer-password-file").strip();
            String basic = Base64.getEncoder().encodeToString(
                    (management.installerUser() + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new HttpsClient(management.url(), "management server", management.ca(), Optional.empty(),
                    Optional.of("Basic " + basic));
        }

        boolean json() {
            return common.json();
        }
    }

    private static void print(CommandSpec spec, boolean json, String text, Map<String, Object> document) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(document) : text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }

    /** {@code assure device register}: §11.2.1. */
    @Command(name = "register",
            description = {"Register a device with the management server by its case id (draft §11.2.1): the server",
                    "claims it at the Trusted Authority, builds its bootstrap image and uploads it."})
    static final class Register implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Mixin
        private CaseOptions device;

        @Override
        public Integer call() {
            CaseOptions.DeviceCase target = device.resolve();
            HttpsClient server = connection.client();
            server.send("POST", "/v1/devices/" + target.device() + "?case_string="
                    + URLEncoder.encode(target.caseString(), StandardCharsets.UTF_8), null, null, 201, Map.of(
                    403, "registration of " + target.device() + " refused by the Trusted Authority: wrong case id, "
                            + "unknown device, or a device another management system owns",
                    401, "the management server refused the installer login",
                    503, "the management server cannot reach the Trusted Authority"));
            Map<String, Object> json = Json.object();
            json.put("device", target.device().toString());
            json.put("registered", true);
            print(spec, connection.json(), "registered " + target.device()
                    + "; its bootstrap image is uploaded and waits for the device", json);
            return AssureMain.EXIT_OK;
        }
    }

    /** {@code assure device replace OLD --with NEW}: §11.2.2. */
    @Command(name = "replace",
            description = {"Replace a registered device by another registered one (draft §11.2.2): the new one",
                    "takes over, the old one is released at the Trusted Authority and disabled here."})
    static final class Replace implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Parameters(index = "0", paramLabel = "OLD", description = "The device to retire.")
        private UUID old;

        @Option(names = "--with", required = true, paramLabel = "NEW", description = "The device taking over.")
        private UUID replacement;

        @Override
        public Integer call() {
            connection.client().send("POST", "/v1/devices/" + old + "/replace?uuid=" + replacement, null, null, 201,
                    Map.of(401, "replacement refused: both devices must be registered with this management server, "
                            + "enabled, and different"));
            Map<String, Object> json = Json.object();
            json.put("device", old.toString());
            json.put("replaced_by", replacement.toString());
            print(spec, connection.json(), "replaced " + old + " by " + replacement, json);
            return AssureMain.EXIT_OK;
        }
    }

    /** {@code assure device status UUID}: §11.2.3. */
    @Command(name = "status", description = "Print a device's status at the management server (draft §11.2.3).")
    static final class Status implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Parameters(index = "0", paramLabel = "UUID", description = "The device.")
        private UUID device;

        @Override
        public Integer call() {
            byte[] body = connection.client().send("GET", "/v1/devices/" + device + "/status", null, null, 200,
                    NOT_OURS).body();
            DeviceStatus status;
            try {
                status = DeviceStatusJson.decode(body);
            } catch (JsonDecodeException e) {
                throw new CliException("the management server sent a malformed status: " + e.getMessage());
            }
            Map<String, Object> json = Json.object();
            json.put("device", device.toString());
            json.put("status", status.status());
            json.put("description", status.description());
            print(spec, connection.json(), device + ": " + status.status() + " (" + status.description() + ")", json);
            return AssureMain.EXIT_OK;
        }
    }

    /** {@code assure device info UUID}: §11.2.4. */
    @Command(name = "info",
            description = "Print the information a device reported with its presence (draft §11.2.4, §11.3.1).")
    static final class Info implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Parameters(index = "0", paramLabel = "UUID", description = "The device.")
        private UUID device;

        @Override
        public Integer call() {
            Map<Integer, String> refusals = new java.util.HashMap<>(NOT_OURS);
            refusals.put(503, "no information yet: " + device + " has not reported its presence");
            byte[] body = connection.client().send("GET", "/v1/devices/" + device + "/info", null, null, 200,
                    refusals).body();
            DeviceInfo info;
            try {
                info = DeviceInfoJson.decode(body);
            } catch (JsonDecodeException e) {
                throw new CliException("the management server sent malformed device information: " + e.getMessage());
            }
            Map<String, Object> json = Json.parseObject(new String(body, StandardCharsets.UTF_8), "device info");
            print(spec, connection.json(), ChannelRenderer.deviceInfo(info, "device information (draft §11.2.4)")
                    .render(), json);
            return AssureMain.EXIT_OK;
        }
    }
}
