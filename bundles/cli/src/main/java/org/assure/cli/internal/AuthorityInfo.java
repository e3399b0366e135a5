package org.assure.cli.internal;

import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Bytes;
import org.assure.core.model.EcKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.RsaKey;

/**
 * What a manufacturer and an owner need to know about a running authority, all of it public: the Trusted
 * Authority's URL and CA, the Identity Service key device records are encrypted to, the Trusted Authority keys
 * devices install as anchors, and the management server's Registration API. {@code assure authority start}
 * writes it to {@code <home>/authority/authority.json}; other homes read it with {@code --authority-info}.
 *
 * @param management the management server, when the file came from {@code authority start}
 */
record AuthorityInfo(URI trustedAuthority, X509Certificate ca, PublicKey identityServiceKey, EcKey taKey,
        RsaKey taRsaKey, Optional<Management> management, Optional<String> bootstrapCoap) {
    static final String FORMAT = "assure-authority-info/1";
    static final String FILE = "authority.json";

    AuthorityInfo {
        Objects.requireNonNull(trustedAuthority, "trustedAuthority");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(identityServiceKey, "identityServiceKey");
        Objects.requireNonNull(taKey, "taKey");
        Objects.requireNonNull(taRsaKey, "taRsaKey");
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(bootstrapCoap, "bootstrapCoap");
    }

    /** The management server's Registration API (draft §11.2) and who it is at the Trusted Authority. */
    record Management(URI url, X509Certificate ca, String mgmtId, String installerUser) {
    }

    /** The default location in {@code home}. */
    static Path defaultFile(Home home) {
        return home.path(Home.AUTHORITY, FILE);
    }

    static AuthorityInfo load(Path file) {
        return parse(Home.readText(file, "written by 'assure authority start'; or give --authority-info FILE"),
                file.toString());
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = Json.object();
        json.put("format", FORMAT);
        json.put("trusted_authority_url", trustedAuthority.toString());
        json.put("ca_certificate", Credentials.certificatePem(ca));
        json.put("identity_service_key", Credentials.publicKeyPem(identityServiceKey));
        json.put("trusted_authority_key", base64(taKey));
        json.put("trusted_authority_rsa_key", base64(taRsaKey));
        bootstrapCoap.ifPresent(address -> json.put("bootstrap_coap", address));
        management.ifPresent(m -> {
            json.put("management_url", m.url().toString());
            json.put("management_ca_certificate", Credentials.certificatePem(m.ca()));
            json.put("management_id", m.mgmtId());
            json.put("installer_user", m.installerUser());
        });
        return json;
    }

    private static String base64(KeyDefinition key) {
        return Base64.getEncoder().encodeToString(KeyDefinitionCodec.encode(key));
    }

    static AuthorityInfo parse(String text, String what) {
        Map<String, Object> json = Json.parseObject(text, what);
        if (!FORMAT.equals(json.get("format"))) {
            throw new CliException(what + ": not an authority info file (format " + FORMAT + ")");
        }
        URI url = uri(Json.string(json, "trusted_authority_url", what), what);
        X509Certificate ca = Credentials.certificateFromPem(Json.string(json, "ca_certificate", what), what);
        PublicKey identity = publicKey(Json.string(json, "identity_service_key", what), what);
        EcKey ta = key(json, "trusted_authority_key", EcKey.class, what);
        RsaKey taRsa = key(json, "trusted_authority_rsa_key", RsaKey.class, what);
        Optional<Management> management = Optional.empty();
        if (json.containsKey("management_url")) {
            management = Optional.of(new Management(uri(Json.string(json, "management_url", what), what),
                    Credentials.certificateFromPem(Json.string(json, "management_ca_certificate", what), what),
                    Json.string(json, "management_id", what), Json.string(json, "installer_user", what)));
        }
        Optional<String> bootstrap = json.containsKey("bootstrap_coap")
                ? Optional.of(Json.string(json, "bootstrap_coap", what)) : Optional.empty();
        return new AuthorityInfo(url, ca, identity, ta, taRsa, management, bootstrap);
    }

    static URI uri(String text, String what) {
        try {
            URI uri = URI.create(text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new CliException(what + ": not an https URL: " + text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException(what + ": not a URL: " + text);
        }
    }

    private static PublicKey publicKey(String pem, String what) {
        try {
            return Keys.publicKey(KeyFormat.EC, Bytes.of(Credentials.block(pem, "PUBLIC KEY", what)));
        } catch (CryptoException e) {
            throw new CliException(what + ": identity_service_key is not an EC public key");
        }
    }

    private static <T extends KeyDefinition> T key(Map<String, Object> json, String field, Class<T> type, String what) {
        try {
            KeyDefinition key = KeyDefinitionCodec.decode(Base64.getDecoder().decode(Json.string(json, field, what)));
            if (!type.isInstance(key)) {
                throw new CliException(what + ": " + field + " is not a " + type.getSimpleName());
            }
            return type.cast(key);
        } catch (CborDecodeException | IllegalArgumentException e) {
            throw new CliException(what + ": " + field + " is not a base64 key definition");
        }
    }
}
