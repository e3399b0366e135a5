package org.assure.core.json;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.SecretBytes;

/**
 * The manufacturer's device record, draft §9.2.1 and PROFILE §9 (the plaintext before ECIES):
 * <pre>
 * {"id": "&lt;uuid&gt;", "bootstrap_server": &lt;integer&gt;, "case_string": "...",
 *  "shared_secret": "&lt;hex&gt;" | "public_key": "&lt;PEM SubjectPublicKeyInfo&gt;",
 *  "parameter_set": "&lt;uuid&gt;" (optional), "capabilities": {...}}
 * </pre>
 * The draft's example spells the secret's key {@code "shared secret"}; its prose says {@code shared_secret},
 * which is the only spelling accepted (PROFILE-ADDITIONS). Exactly one of {@code shared_secret} and
 * {@code public_key} is present. Unknown fields are rejected, except inside {@code capabilities}.
 */
public final class DeviceRecordJson {
    public static final String ID = "id";
    public static final String BOOTSTRAP_SERVER = "bootstrap_server";
    public static final String CASE_STRING = "case_string";
    public static final String SHARED_SECRET = "shared_secret";
    public static final String PUBLIC_KEY = "public_key";
    public static final String PARAMETER_SET = "parameter_set";
    public static final String CAPABILITIES = "capabilities";

    /** Longest device secret accepted (bytes). */
    static final int MAX_SECRET = 64;
    /** Longest PEM text accepted (an RSA-16384 SubjectPublicKeyInfo with armour fits). */
    static final int MAX_PEM = 8192;
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    private DeviceRecordJson() {
    }

    public static byte[] encode(DeviceRecord record) {
        return JsonOutput.encode(g -> {
            g.writeStartObject();
            g.writeStringField(ID, record.id().toString());
            g.writeNumberField(BOOTSTRAP_SERVER, record.bootstrapServer());
            g.writeStringField(CASE_STRING, record.caseString());
            if (record.sharedSecret().isPresent()) {
                JsonOutput.secretHex(g, SHARED_SECRET, record.sharedSecret().get());
            }
            if (record.publicKeyPem().isPresent()) {
                g.writeStringField(PUBLIC_KEY, record.publicKeyPem().get());
            }
            if (record.parameterSet().isPresent()) {
                g.writeStringField(PARAMETER_SET, record.parameterSet().get().toString());
            }
            CapabilitiesJson.write(g, CAPABILITIES, record.capabilities());
            g.writeEndObject();
        });
    }

    /**
     * @throws JsonDecodeException if {@code data} is not exactly one valid device record
     */
    public static DeviceRecord decode(byte[] data) throws JsonDecodeException {
        JsonInput in = JsonInput.of(data);
        byte[] secret = null;
        try {
            UUID id = null;
            Long bootstrapServer = null;
            String caseString = null;
            String publicKey = null;
            UUID parameterSet = null;
            DeviceCapabilities capabilities = null;
            in.startObject("");
            for (String name = in.nextField(); name != null; name = in.nextField()) {
                switch (name) {
                    case ID -> id = JsonFormats.uuid(in, name);
                    case BOOTSTRAP_SERVER -> bootstrapServer = in.readLong(name, 0, Long.MAX_VALUE);
                    case CASE_STRING -> caseString = in.readText(name);
                    case SHARED_SECRET -> secret = in.readSecretHex(name, 1, MAX_SECRET);
                    case PUBLIC_KEY -> publicKey = readPem(in, name);
                    case PARAMETER_SET -> parameterSet = JsonFormats.uuid(in, name);
                    case CAPABILITIES -> capabilities = CapabilitiesJson.read(in, name);
                    default -> throw in.unknown(name);
                }
            }
            in.expectEnd();
            UUID deviceId = in.required(ID, id);
            long server = in.required(BOOTSTRAP_SERVER, bootstrapServer);
            String caseText = in.required(CASE_STRING, caseString);
            DeviceCapabilities caps = in.required(CAPABILITIES, capabilities);
            Optional<SecretBytes> sharedSecret = Optional.ofNullable(secret).map(SecretBytes::of);
            Optional<String> pem = Optional.ofNullable(publicKey);
            Optional<UUID> set = Optional.ofNullable(parameterSet);
            return in.construct("", () -> new DeviceRecord(deviceId, server, caseText, sharedSecret, pem, set, caps));
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    private static String readPem(JsonInput in, String field) throws JsonDecodeException {
        String pem = in.readText(field);
        String trimmed = pem.strip();
        if (pem.length() > MAX_PEM || !trimmed.startsWith(PEM_BEGIN) || !trimmed.endsWith(PEM_END)
                || trimmed.length() <= PEM_BEGIN.length() + PEM_END.length()) {
            throw in.error(field, "expected a PEM \"PUBLIC KEY\" (SubjectPublicKeyInfo)");
        }
        return pem;
    }
}
