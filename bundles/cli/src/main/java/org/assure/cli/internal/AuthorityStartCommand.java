package org.assure.cli.internal;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.assure.authority.AuthorityException;
import org.assure.authority.AuthoritySettings;
import org.assure.authority.ManagementServer;
import org.assure.authority.ManagementSettings;
import org.assure.authority.TrustedAuthorityServer;
import org.assure.core.crypto.KeyGeneration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assure authority start}: the Trusted Authority (Manufacturer and Owner APIs over HTTPS) and a management
 * server registered with it, on an embedded H2 database under the data directory; prints the endpoints and what
 * a manufacturer needs, writes them to {@code <home>/authority/authority.json}, and runs until Ctrl-C.
 */
@Command(name = "start",
        description = {"Start the Trusted Authority (Manufacturer and Owner APIs, HTTPS with client certificates;",
                "Bootstrap API, CoAP/DTLS) and a management server registered with it (Registration API, HTTPS;",
                "Presence API, CoAP/DTLS), with embedded defaults:",
                "an H2 database and master keys under --data, loopback addresses. Prints the endpoints and the",
                "public keys devices are manufactured with, writes them to <home>/authority/authority.json and",
                "runs until Ctrl-C. The manufacturer certificate of <home>/manufacturer (created if missing) is",
                "always accepted by the Manufacturer API."})
final class AuthorityStartCommand implements Callable<Integer> {
    static final String INSTALLER_PASSWORD_FILE = "installer.password";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Database and master keys (default: <home>/authority/data).")
    private Path data;

    @Option(names = "--https-port", paramLabel = "N", defaultValue = "8443",
            description = "Port of the Trusted Authority's HTTPS APIs, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int httpsPort;

    @Option(names = "--management-port", paramLabel = "N", defaultValue = "8444",
            description = "Port of the management server's Registration API, 0 for any (default: ${DEFAULT-VALUE}).")
    private int managementPort;

    @Option(names = "--coap-port", paramLabel = "N", defaultValue = "5684",
            description = "UDP port of the Bootstrap API (CoAP over DTLS, §9.4), 0 for any free port "
                    + "(default: ${DEFAULT-VALUE}, where devices look for it).")
    private int coapPort;

    @Option(names = "--management-coap-port", paramLabel = "N", defaultValue = "5784",
            description = "UDP port 1..65535 of the management server's Presence API (CoAP over DTLS, §11.3), "
                    + "which devices' management channels name (default: ${DEFAULT-VALUE}).")
    private int managementCoapPort;

    @Option(names = "--device-data-port", paramLabel = "N", defaultValue = "0",
            description = "UDP port the devices take data channels on, named in the channels the management server "
                    + "issues; 0 (default): each device's management port + 1, as 5684/5685 (PROFILE §7).")
    private int deviceDataPort;

    @Option(names = "--manufacturer-cert", paramLabel = "PEM",
            description = "Also accept this manufacturer client certificate (repeatable).")
    private List<Path> manufacturerCertificates = new ArrayList<>();

    @Option(names = "--installer-user", paramLabel = "NAME", defaultValue = "installer",
            description = "User name of the Registration API (HTTP Basic); its password is kept in "
                    + "<home>/authority/" + INSTALLER_PASSWORD_FILE + " (default: ${DEFAULT-VALUE}).")
    private String installerUser;

    @Option(names = "--once", description = "Stop again right after starting (checks the setup, prepares <home>).")
    private boolean once;

    @Override
    public Integer call() throws InterruptedException {
        checkPort(httpsPort, "--https-port");
        checkPort(managementPort, "--management-port");
        checkPort(coapPort, "--coap-port");
        checkPort(managementCoapPort, "--management-coap-port");
        if (managementCoapPort == 0) {
            // The port goes into every device's management channel definition: it has to be known in advance.
            throw new CliException("--management-coap-port must be 1..65535: devices' management channels name it");
        }
        if (deviceDataPort < 0 || deviceDataPort > 65535) {
            throw new CliException("--device-data-port must be 0..65535");
        }
        Home home = common.home();
        SecureRandom random = new SecureRandom();
        Path authorityDir = home.directory(Home.AUTHORITY);
        Path dataDir = Home.createDirectory(data == null ? authorityDir.resolve("data") : data.toAbsolutePath());
        List<X509Certificate> manufacturers = new ArrayList<>();
        manufacturers.add(Credentials.manufacturer(home, home.directory(Home.MANUFACTURER), random).certificate());
        for (Path file : manufacturerCertificates) {
            manufacturers.add(Credentials.readCertificate(file));
        }
        String installerPassword = installerPassword(authorityDir.resolve(INSTALLER_PASSWORD_FILE), random);

        TrustedAuthorityServer ta = startAuthority(AuthoritySettings.embedded(dataDir, httpsPort, coapPort, manufacturers), dataDir);
        ManagementServer management;
        try {
            management = startManagement(ManagementSettings.embedded(dataDir, ta.httpsUri(), ta.caCertificate(),
                    managementPort, installerUser, installerPassword, new InetSocketAddress("127.0.0.1", managementCoapPort))
                    .withDeviceDataPort(deviceDataPort));
        } catch (RuntimeException e) {
            ta.close();
            throw e;
        }
        Thread hook = new Thread(() -> close(ta, management), "assure-authority-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            AuthorityInfo info = new AuthorityInfo(ta.httpsUri(), ta.caCertificate(), ta.identityServiceKey(),
                    ta.trustedAuthorityKey(), ta.trustedAuthorityRsaKey(),
                    Optional.of(new AuthorityInfo.Management(management.registrationUri(), management.tlsCertificate(),
                            management.mgmtId(), installerUser)),
                    Optional.of(ta.bootstrapAddress().getHostString() + ":" + ta.bootstrapAddress().getPort()));
            Path infoFile = authorityDir.resolve(AuthorityInfo.FILE);
            Home.writePublic(infoFile, Json.write(info.toJson()));
            Home.writePublic(authorityDir.resolve("ca.pem"), Credentials.certificatePem(ta.caCertificate()));
            print(info, ta.bootstrapServiceKey().keyId(), home, dataDir, infoFile);
            parent().lifecycle().started();
            if (!once) {
                parent().lifecycle().awaitStop();
            }
        } finally {
            close(ta, management);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (and closing twice is harmless)
            }
        }
        if (!common.json()) {
            spec.commandLine().getOut().println("authority stopped");
            spec.commandLine().getOut().flush();
        }
        return AssureMain.EXIT_OK;
    }

    private AssureCommand parent() {
        return (AssureCommand) spec.root().userObject();
    }

    private static void checkPort(int port, String option) {
        if (port < 0 || port > 65535) {
            throw new CliException(option + " must be 0..65535");
        }
    }

    private static TrustedAuthorityServer startAuthority(AuthoritySettings settings, Path dataDir) {
        try {
            return TrustedAuthorityServer.start(settings);
        } catch (AuthorityException e) {
            throw new CliException("the Trusted Authority did not start: " + e.getMessage() + hint(e, dataDir,
                    settings.https().getPort()));
        }
    }

    private static ManagementServer startManagement(ManagementSettings settings) {
        try {
            return ManagementServer.start(settings);
        } catch (AuthorityException e) {
            throw new CliException("the management server did not start: " + e.getMessage()
                    + hint(e, null, settings.https().getPort()));
        }
    }

    /** What the user can check: the authority's messages are fixed texts, its causes say more. */
    private static String hint(AuthorityException e, Path dataDir, int port) {
        String message = e.getMessage();
        if (message.startsWith("database") && dataDir != null) {
            return " (is another authority using " + dataDir + "?)";
        }
        if (message.contains("did not start")) {
            return " (is port " + port + " in use?)";
        }
        return "";
    }

    /** The Registration API password: made once, kept owner-only, never printed. */
    private static String installerPassword(Path file, SecureRandom random) {
        if (Files.isRegularFile(file)) {
            String text = Home.readText(file, "").strip();
            if (text.length() < 8) {
                throw new CliException(file + ": installer password shorter than 8 characters");
            }
            return text;
        }
        byte[] bytes = KeyGeneration.randomSecret(18, random).toByteArray();
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        java.util.Arrays.fill(bytes, (byte) 0);
        Home.writePrivate(file, password + "\n");
        return password;
    }

    private static void close(TrustedAuthorityServer ta, ManagementServer management) {
        synchronized (AuthorityStartCommand.class) {
            management.close();
            ta.close();
        }
    }

    private void print(AuthorityInfo info, java.util.UUID bootstrapKey, Home home, Path dataDir, Path infoFile) {
        PrintWriter out = spec.commandLine().getOut();
        AuthorityInfo.Management m = info.management().orElseThrow();
        if (common.json()) {
            Map<String, Object> json = info.toJson();
            json.put("bootstrap_service_key_id", bootstrapKey.toString());
            json.put("management_coap", "127.0.0.1:" + managementCoapPort);
            json.put("data_directory", dataDir.toString());
            json.put("authority_info_file", infoFile.toString());
            json.put("installer_password_file", home.path(Home.AUTHORITY, INSTALLER_PASSWORD_FILE).toString());
            json.put("manufacturer_certificate", home.path(Home.MANUFACTURER, "cert.pem").toString());
            out.print(Json.write(json));
        } else {
            out.println("aSSURE authority running" + (once ? "" : " (Ctrl-C to stop)"));
            out.println("trusted authority:    " + info.trustedAuthority() + "  (Manufacturer and Owner APIs, §9.2, §9.3)");
            out.println("management server:    " + m.url() + "  (Registration API, §11.2; management id " + m.mgmtId() + ")");
            out.println("bootstrap server:     coaps://" + info.bootstrapCoap().orElseThrow()
                    + "  (Bootstrap API, CoAP over DTLS, §9.4; service key " + bootstrapKey + ")");
            out.println("presence endpoint:    coaps://127.0.0.1:" + managementCoapPort + "  (Presence API and timestamp, §11.3, §11.4)");
            out.println("installer login:      " + m.installerUser() + " / password in "
                    + home.path(Home.AUTHORITY, INSTALLER_PASSWORD_FILE));
            out.println("CA certificate:       sha256 " + Credentials.fingerprint(info.ca()));
            out.println("identity service key: sha256 " + Credentials.fingerprint(info.identityServiceKey())
                    + "  (device records are ECIES-encrypted to it)");
            out.println("trusted authority key (EC, anchor of EC devices):   " + info.taKey().keyId());
            out.println("trusted authority key (RSA, anchor of RSA devices): " + info.taRsaKey().keyId());
            out.println("manufacturer cert:    " + home.path(Home.MANUFACTURER, "cert.pem"));
            out.println("data:                 " + dataDir + " (H2)");
            out.println("authority info:       " + infoFile + "  (for manufacture and owner register)");
        }
        out.flush();
    }
}
