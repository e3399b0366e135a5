package org.assure.authority.internal.ta;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Bytes;

/**
 * The one parameter-choice object this authority puts in the configuration data (draft §15.2 leaves its format
 * TBD; PROFILE-ADDITIONS): {@code {"parameter_set": "<uuid>", "device_key": "<base64 DER SubjectPublicKeyInfo>"}},
 * each field present only when the device has one. The device key is what a management system encrypts an EC or
 * RSA device's payload to (draft §15.5.1, §15.5.2); its key id is the device UUID.
 */
public record ParameterChoice(Optional<UUID> parameterSet, Optional<Bytes> deviceKey) {
    public static final String PARAMETER_SET = "parameter_set";
    public static final String DEVICE_KEY = "device_key";
    private static final JsonFactory JSON = new JsonFactory();

    static String encode(UUID parameterSet, Optional<Bytes> deviceKey) {
        StringBuilder b = new StringBuilder("{");
        if (parameterSet != null) {
            b.append('"').append(PARAMETER_SET).append("\":\"").append(parameterSet).append('"');
        }
        if (deviceKey.isPresent()) {
            b.append(b.length() > 1 ? "," : "").append('"').append(DEVICE_KEY).append("\":\"")
                    .append(Base64.getEncoder().encodeToString(deviceKey.get().toByteArray())).append('"');
        }
        return b.append('}').toString();
    }

    /**
     * Reads a choice written by {@link #encode}; other fields are ignored (another authority may add some).
     *
     * @throws IllegalArgumentException if a known field has the wrong form
     */
    public static ParameterChoice decode(String json) {
        Optional<UUID> set = Optional.empty();
        Optional<Bytes> key = Optional.empty();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("parameter choice is not an object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (PARAMETER_SET.equals(name) && value == JsonToken.VALUE_STRING) {
                    set = Optional.of(UUID.fromString(p.getText()));
                } else if (DEVICE_KEY.equals(name) && value == JsonToken.VALUE_STRING) {
                    key = Optional.of(Bytes.of(Base64.getDecoder().decode(p.getText())));
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("parameter choice is not JSON", e);
        }
        return new ParameterChoice(set, key);
    }
}
