package org.assure.authority.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.model.EcKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.RsaKey;

/**
 * The public document {@code GET /v1/authority} answers (an aSSURE extension): everything a manufacturer needs to
 * make devices for this Trusted Authority and nothing secret — the CA of its HTTPS certificate, the Identity
 * Service key device records are ECIES-encrypted to (PROFILE §9), the Trusted Authority keys devices install as
 * anchors (public form), the bootstrap service key and the Bootstrap API address. The field names are those of the
 * CLI's authority info file ({@code assure-authority-info/1}).
 */
public final class AuthorityDocument {
    public static final String FORMAT = "assure-authority-info/1";

    private AuthorityDocument() {
    }

    public static byte[] encode(URI trustedAuthority, X509Certificate ca, PublicKey identityServiceKey, EcKey taKey,
            RsaKey taRsaKey, EcKey bootstrapServiceKey, InetSocketAddress bootstrap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("trusted_authority_url", trustedAuthority.toString());
            g.writeStringField("ca_certificate", pem("CERTIFICATE", ca.getEncoded()));
            g.writeStringField("identity_service_key", pem("PUBLIC KEY", identityServiceKey.getEncoded()));
            g.writeStringField("trusted_authority_key", base64(taKey));
            g.writeStringField("trusted_authority_rsa_key", base64(taRsaKey));
            g.writeStringField("bootstrap_service_key", base64(bootstrapServiceKey));
            g.writeStringField("bootstrap_coap", bootstrap.getHostString() + ":" + bootstrap.getPort());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("CA certificate does not encode", e);
        }
        return out.toByteArray();
    }

    private static String base64(KeyDefinition key) {
        return Base64.getEncoder().encodeToString(KeyDefinitionCodec.encode(KeyDefinitionCodec.publicForm(key)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
