package org.assure.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.OwnerInformationCodec;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.OwnerInformation;

/**
 * The configuration data of draft §15.2 (Trusted Authority → management system):
 * <pre>
 * {"device": {"id": "&lt;uuid&gt;", "bootstrap_server": &lt;integer&gt;, "capabilities": {...}},
 *  "authenticated_keys": ["&lt;base64 of an authenticated key, §7.4&gt;", ...],
 *  "owner_information": "&lt;base64 of signed owner information, §15.5&gt;",
 *  "parameter_choices": [{...}, ...]}
 * </pre>
 * All four top-level fields are required; the keys keep their order (the image must carry them in it). The
 * draft leaves parameter choices TBD: each must be a JSON object and is kept as compact JSON text. The draft's
 * example misspells {@code sha384_capable} as "sha384 capable"; only the underscore spelling counts
 * (PROFILE-ADDITIONS).
 */
public final class ConfigurationDataJson {
    public static final String DEVICE = "device";
    public static final String ID = "id";
    public static final String BOOTSTRAP_SERVER = "bootstrap_server";
    public static final String CAPABILITIES = "capabilities";
    public static final String AUTHENTICATED_KEYS = "authenticated_keys";
    public static final String OWNER_INFORMATION = "owner_information";
    public static final String PARAMETER_CHOICES = "parameter_choices";

    private ConfigurationDataJson() {
    }

    /**
     * @throws IllegalArgumentException if a parameter choice is not exactly one JSON object
     */
    public static byte[] encode(ConfigurationData data) {
        return JsonOutput.encode(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart(DEVICE);
            g.writeStringField(ID, data.deviceId().toString());
            g.writeNumberField(BOOTSTRAP_SERVER, data.bootstrapServer());
            CapabilitiesJson.write(g, CAPABILITIES, data.capabilities());
            g.writeEndObject();
            g.writeArrayFieldStart(AUTHENTICATED_KEYS);
            for (AuthenticatedKey key : data.authenticatedKeys()) {
                JsonOutput.base64(g, AuthenticatedKeyCodec.encode(key));
            }
            g.writeEndArray();
            g.writeFieldName(OWNER_INFORMATION);
            JsonOutput.base64(g, OwnerInformationCodec.encode(data.ownerInformation()));
            g.writeArrayFieldStart(PARAMETER_CHOICES);
            for (String choice : data.parameterChoices()) {
                JsonOutput.object(g, choice);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * @throws JsonDecodeException if {@code data} is not exactly one valid configuration data document, including
     *                             when an embedded authenticated key or owner information is not valid CBOR
     */
    public static ConfigurationData decode(byte[] data) throws JsonDecodeException {
        JsonInput in = JsonInput.of(data);
        Device device = null;
        List<AuthenticatedKey> keys = null;
        OwnerInformation owner = null;
        List<String> choices = null;
        in.startObject("");
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case DEVICE -> device = readDevice(in, name);
                case AUTHENTICATED_KEYS -> keys = readKeys(in, name);
                case OWNER_INFORMATION -> owner = readOwner(in, name);
                case PARAMETER_CHOICES -> choices = readChoices(in, name);
                default -> throw in.unknown(name);
            }
        }
        in.expectEnd();
        Device d = in.required(DEVICE, device);
        List<AuthenticatedKey> authenticatedKeys = in.required(AUTHENTICATED_KEYS, keys);
        OwnerInformation ownerInformation = in.required(OWNER_INFORMATION, owner);
        List<String> parameterChoices = in.required(PARAMETER_CHOICES, choices);
        return in.construct("", () -> new ConfigurationData(d.id, d.bootstrapServer, d.capabilities, authenticatedKeys,
                ownerInformation, parameterChoices));
    }

    private record Device(UUID id, long bootstrapServer, DeviceCapabilities capabilities) {
    }

    private static Device readDevice(JsonInput in, String field) throws JsonDecodeException {
        UUID id = null;
        Long server = null;
        DeviceCapabilities capabilities = null;
        in.startObject(field);
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case ID -> id = JsonFormats.uuid(in, name);
                case BOOTSTRAP_SERVER -> server = in.readLong(name, 0, Long.MAX_VALUE);
                case CAPABILITIES -> capabilities = CapabilitiesJson.read(in, name);
                default -> throw in.unknown(name);
            }
        }
        return new Device(in.required(field + "." + ID, id), in.required(field + "." + BOOTSTRAP_SERVER, server),
                in.required(field + "." + CAPABILITIES, capabilities));
    }

    private static List<AuthenticatedKey> readKeys(JsonInput in, String field) throws JsonDecodeException {
        List<AuthenticatedKey> keys = new ArrayList<>();
        in.startArray(field);
        while (in.hasNextItem()) {
            String item = "[" + keys.size() + "]";
            if (keys.size() == BootstrapImage.MAX_KEYS) {
                throw in.error(item, "more than " + BootstrapImage.MAX_KEYS + " authenticated keys");
            }
            byte[] encoded = JsonFormats.base64(in, item);
            try {
                keys.add(AuthenticatedKeyCodec.decode(encoded));
            } catch (CborDecodeException e) {
                throw new JsonDecodeException(in.pathOf(item), "invalid authenticated key: " + e.getMessage(), e);
            }
        }
        return keys;
    }

    private static OwnerInformation readOwner(JsonInput in, String field) throws JsonDecodeException {
        byte[] encoded = JsonFormats.base64(in, field);
        try {
            return OwnerInformationCodec.decode(encoded);
        } catch (CborDecodeException e) {
            throw new JsonDecodeException(in.pathOf(field), "invalid owner information: " + e.getMessage(), e);
        }
    }

    private static List<String> readChoices(JsonInput in, String field) throws JsonDecodeException {
        List<String> choices = new ArrayList<>();
        in.startArray(field);
        while (in.hasNextItem()) {
            String item = "[" + choices.size() + "]";
            if (choices.size() == ConfigurationData.MAX_PARAMETER_CHOICES) {
                throw in.error(item, "more than " + ConfigurationData.MAX_PARAMETER_CHOICES + " parameter choices");
            }
            choices.add(in.readObjectAsText(item));
        }
        return choices;
    }
}
