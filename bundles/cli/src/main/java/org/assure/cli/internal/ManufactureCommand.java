package org.assure.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assure.authority.Ecies;
import org.assure.authority.SharedSecretAnchors;
import org.assure.core.cbor.QrPayloadCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.QrPayload;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assure manufacture}: what a factory does for each device (draft §6.2, §9.2.1) — a UUID, a device key
 * or secret and a random case id; the gateway's factory identity file; the QR code for the case; and the device
 * record, ECIES-encrypted to the Identity Service, uploaded with the manufacturer's client certificate.
 */
@Command(name = "manufacture",
        description = {"Create device identities and register them with the Trusted Authority (draft §6.2, §9.2.1).",
                "For each device: a UUID, an EC or RSA device key or a shared secret, a random 128-bit case id;",
                "writes <uuid>.identity (the factory identity file, docs/factory-identity.md), <uuid>.png (the QR",
                "code [1, uuid, case id], version 5-H) and, without --passphrase-file, <uuid>.passphrase; then",
                "uploads the ECIES-encrypted device record to the Manufacturer API. The case string the",
                "authority checks is the case id in lower-case hex."})
final class ManufactureCommand implements Callable<Integer> {
    /** What kind of device to make. */
    enum Kind {
        ec, rsa, shared_secret
    }

    static final int CASE_ID_LENGTH = 16;
    private static final int SECRET_LENGTH = 32;
    private static final int MAX_COUNT = 100_000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "ec", converter = KindConverter.class,
            description = "ec (P-256 device key), rsa (RSA-2048) or shared-secret (default: ${DEFAULT-VALUE}).")
    private Kind kind;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many devices (default: 1).")
    private int count;

    @Option(names = "--authority", paramLabel = "URL",
            description = "The Trusted Authority's HTTPS URL (default: the one in the authority info).")
    private URI authority;

    @Option(names = "--authority-info", paramLabel = "FILE",
            description = {"The authority info 'authority start' wrote (default: <home>/authority/authority.json).",
                    "If there is none, --authority URL alone works: the authority's public document",
                    "(GET /v1/authority) is fetched and kept there."})
    private Path authorityInfo;

    @Option(names = "--ca-fingerprint", paramLabel = "HEX",
            description = "SHA-256 of the Trusted Authority's CA certificate that must match (as 'authority start' prints it).")
    private String caFingerprint;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: <home>/devices).")
    private Path out;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Seal every identity under the passphrase in FILE (first line); default: a random "
                    + "passphrase per device, written to <uuid>.passphrase (0600).")
    private Path passphraseFile;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200000",
            description = "PBKDF2 iterations of the sealing key, 10000..10000000 (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--bootstrap-server-id", paramLabel = "N", defaultValue = "1",
            description = "The device's bootstrap server id, 0..2^63-1 (default: ${DEFAULT-VALUE}).")
    private long bootstrapServerId;

    /** picocli takes enum names as written; "shared-secret" reads better on a command line. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return switch (value) {
                case "ec" -> Kind.ec;
                case "rsa" -> Kind.rsa;
                case "shared-secret" -> Kind.shared_secret;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected ec, rsa or shared-secret");
            };
        }
    }

    @Override
    public Integer call() {
        if (count < 1 || count > MAX_COUNT) {
            throw new CliException("--count must be 1.." + MAX_COUNT);
        }
        if (iterations < FactoryIdentityWriter.MIN_ITERATIONS || iterations > FactoryIdentityWriter.MAX_ITERATIONS) {
            throw new CliException("--iterations must be 10000..10000000");
        }
        if (bootstrapServerId < 0) {
            throw new CliException("--bootstrap-server-id must be 0..2^63-1");
        }
        Home home = common.home();
        AuthorityInfo info = AuthorityInfo.resolve(home, authorityInfo, authority, caFingerprint,
                spec.commandLine().getErr());
        Optional<char[]> shared = passphraseFile == null ? Optional.empty() : Optional.of(readPassphrase(passphraseFile));
        SecureRandom random = new SecureRandom();
        Credentials.KeyAndCertificate manufacturer = Credentials.load(home, home.path(Home.MANUFACTURER))
                .orElseThrow(() -> new CliException("no manufacturer certificate in " + home.path(Home.MANUFACTURER)
                        + " (made by 'assure authority start' in this home)"));
        HttpsClient ta = new HttpsClient(authority != null ? authority : info.trustedAuthority(), "Trusted Authority",
                info.ca(), Optional.of(manufacturer), Optional.empty());
        Path dir = Home.createDirectory(out != null ? out.toAbsolutePath() : home.path(Home.DEVICES));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Object> made = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> device = manufactureOne(info, ta, dir, shared, random);
            made.add(device);
            if (!common.json()) {
                stdout.println(device.get("device") + "  " + device.get("kind") + "  case id " + device.get("case_id")
                        + "  " + device.get("qr_png"));
                stdout.flush();
            }
            if (count > 1) {
                stderr.println("manufactured " + i + "/" + count);
                stderr.flush();
            }
        }
        shared.ifPresent(p -> Arrays.fill(p, '\0'));
        if (common.json()) {
            Map<String, Object> json = Json.object();
            json.put("trusted_authority", (authority != null ? authority : info.trustedAuthority()).toString());
            json.put("devices", made);
            stdout.print(Json.write(json));
            stdout.flush();
        }
        return AssureMain.EXIT_OK;
    }

    private Map<String, Object> manufactureOne(AuthorityInfo info, HttpsClient ta, Path dir, Optional<char[]> shared,
            SecureRandom random) {
        UUID id = UUID.randomUUID();
        byte[] caseId = new byte[CASE_ID_LENGTH];
        random.nextBytes(caseId);
        String caseHex = HexFormat.of().formatHex(caseId);
        FactoryIdentityWriter.Credential credential;
        KeyDefinition anchor;
        DeviceCapabilities capabilities;
        Optional<SecretBytes> secret = Optional.empty();
        Optional<String> publicKeyPem = Optional.empty();
        switch (kind) {
            case ec -> {
                KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
                credential = new FactoryIdentityWriter.Credential.Key(
                        new EcKey(id, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate())));
                publicKeyPem = Optional.of(Credentials.publicKeyPem(pair.getPublic()));
                anchor = info.taKey();
                capabilities = new DeviceCapabilities(true, false, false, false, false);
            }
            case rsa -> {
                KeyPair pair = KeyGeneration.generate(GenerateKeyType.RSA_2048, random);
                credential = new FactoryIdentityWriter.Credential.Key(
                        new RsaKey(id, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate())));
                publicKeyPem = Optional.of(Credentials.publicKeyPem(pair.getPublic()));
                // An RSA-only device cannot verify ECDSA: its anchor is the authority's RSA key (PROFILE-ADDITIONS).
                anchor = info.taRsaKey();
                capabilities = new DeviceCapabilities(false, true, false, false, false);
            }
            default -> {
                SecretBytes deviceSecret = KeyGeneration.randomSecret(SECRET_LENGTH, random);
                credential = new FactoryIdentityWriter.Credential.Secret(id, deviceSecret);
                secret = Optional.of(deviceSecret);
                anchor = SharedSecretAnchors.definition(id);
                capabilities = DeviceCapabilities.MINIMAL;
            }
        }
        // Upload first: a device the authority does not know must not leave the factory with files.
        DeviceRecord record = new DeviceRecord(id, bootstrapServerId, caseHex, secret, publicKeyPem, Optional.empty(),
                capabilities);
        byte[] json = DeviceRecordJson.encode(record);
        byte[] upload;
        try {
            upload = Ecies.encrypt(info.identityServiceKey(), json, random);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
        ta.send("PUT", "/v1/devices/" + id, upload, "application/octet-stream", 201, Map.of(
                400, "the Trusted Authority could not decrypt or decode the device record (wrong identity service key?)",
                401, "the Trusted Authority does not accept this manufacturer certificate (start it with "
                        + "--manufacturer-cert or from this home)",
                403, "the Trusted Authority refused the device (its UUID is taken)",
                409, "the Trusted Authority refused the device (its UUID is taken)"));

        char[] passphrase = shared.orElseGet(() -> randomPassphrase(random));
        Path identityFile = dir.resolve(id + ".identity");
        Path png = dir.resolve(id + ".png");
        Map<String, Object> result = Json.object();
        result.put("device", id.toString());
        result.put("kind", kind == Kind.shared_secret ? "shared-secret" : kind.name());
        result.put("case_id", caseHex);
        try {
            Home.writePrivate(identityFile, FactoryIdentityWriter.format(id, bootstrapServerId, credential, anchor,
                    passphrase, iterations, random));
            if (shared.isEmpty()) {
                Path passphraseOut = dir.resolve(id + ".passphrase");
                Home.writePrivate(passphraseOut, new String(passphrase) + "\n");
                result.put("passphrase_file", passphraseOut.toString());
            }
        } finally {
            if (shared.isEmpty()) {
                Arrays.fill(passphrase, '\0');
            }
        }
        byte[] qr = QrPayloadCodec.encode(QrPayload.of(id, SecretBytes.of(caseId)));
        try {
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            QrCodeImage.writePng(qr, image);
            Home.writePublic(png, image.toByteArray());
        } catch (IOException e) {
            throw new CliException("cannot write " + png + ": " + Inputs.reason(e));
        } finally {
            Arrays.fill(qr, (byte) 0);
            Arrays.fill(caseId, (byte) 0);
        }
        result.put("identity_file", identityFile.toString());
        result.put("qr_png", png.toString());
        return result;
    }

    private static char[] randomPassphrase(SecureRandom random) {
        byte[] bytes = KeyGeneration.randomSecret(18, random).toByteArray();
        char[] text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return text;
    }

    private static char[] readPassphrase(Path file) {
        String text = Home.readText(file, "");
        String first = text.lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new CliException(file + ": empty passphrase");
        }
        return first.toCharArray();
    }
}
