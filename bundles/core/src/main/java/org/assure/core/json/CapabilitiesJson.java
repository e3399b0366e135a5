package org.assure.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.assure.core.model.DeviceCapabilities;

/**
 * The {@code capabilities} object of draft §9.2.1 and §15.2. The five defined flags are required booleans;
 * the draft says more may be added, so other fields are skipped.
 */
final class CapabilitiesJson {
    static final String EC = "ec_capable";
    static final String RSA = "rsa_capable";
    static final String SHA384 = "sha384_capable";
    static final String SHA512 = "sha512_capable";
    static final String AES256 = "aes256_capable";

    private CapabilitiesJson() {
    }

    static void write(JsonGenerator g, String field, DeviceCapabilities c) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeBooleanField(EC, c.ecCapable());
        g.writeBooleanField(RSA, c.rsaCapable());
        g.writeBooleanField(SHA384, c.sha384Capable());
        g.writeBooleanField(SHA512, c.sha512Capable());
        g.writeBooleanField(AES256, c.aes256Capable());
        g.writeEndObject();
    }

    static DeviceCapabilities read(JsonInput in, String field) throws JsonDecodeException {
        in.startObject(field);
        Boolean ec = null;
        Boolean rsa = null;
        Boolean sha384 = null;
        Boolean sha512 = null;
        Boolean aes256 = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case EC -> ec = in.readBoolean(name);
                case RSA -> rsa = in.readBoolean(name);
                case SHA384 -> sha384 = in.readBoolean(name);
                case SHA512 -> sha512 = in.readBoolean(name);
                case AES256 -> aes256 = in.readBoolean(name);
                default -> in.skipValue(name);
            }
        }
        return new DeviceCapabilities(
                in.required(field + "." + EC, ec),
                in.required(field + "." + RSA, rsa),
                in.required(field + "." + SHA384, sha384),
                in.required(field + "." + SHA512, sha512),
                in.required(field + "." + AES256, aes256));
    }
}
