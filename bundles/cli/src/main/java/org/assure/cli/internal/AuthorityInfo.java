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

    /**
     * The authority a command works with: {@code infoFile} if given; else {@code <home>/authority/authority.json}
     * if it exists; else, with {@code url} alone, the authority's public document ({@link #fetch}), which is then
     * kept in that file so that later commands are pinned to the same CA. {@code fingerprint} (SHA-256 of the CA
     * certificate, hex, colons allowed), when given, must match the CA in every case.
     */
    static AuthorityInfo resolve(Home home, Path infoFile, URI url, String fingerprint, java.io.PrintWriter err) {
        Path file = infoFile != null ? infoFile : defaultFile(home);
        Optional<String> pin = Optional.ofNullable(fingerprint).map(f -> f.replace(":", "").toLowerCase(java.util.Locale.ROOT));
        if (pin.isPresent() && !pin.get().matches("[0-9a-f]{64}")) {
            throw new CliException("--ca-fingerprint: 64 hex digits (SHA-256 of the CA certificate)");
        }
        if (infoFile == null && url != null && !java.nio.file.Files.isRegularFile(file)) {
            AuthorityInfo fetched = fetch(url, pin, err);
            Home.writePublic(home.directory(Home.AUTHORITY).resolve(FILE), Json.write(fetched.toJson()));
            return fetched;
        }
        AuthorityInfo info = load(file);
        if (pin.isPresent() && !pin.get().equals(Credentials.fingerprint(info.ca()))) {
            throw new CliException(file + ": its CA certificate does not have the SHA-256 fingerprint --ca-fingerprint gives");
        }
        return info;
    }

    /**
     * {@code GET /v1/authority} from the Trusted Authority at {@code url}: its public document (CA, Identity
     * Service key, Trusted Authority keys). Before it is read nothing is trusted, so the server's certificate chain
     * is accepted on first use, and then must be signed by the CA the document names; with {@code pin} that CA must
     * have this SHA-256 fingerprint, without one the fingerprint is shown on {@code err} for the user to compare
     * (as SSH does for a new host key).
     */
    static AuthorityInfo fetch(URI url, Optional<String> pin, java.io.PrintWriter err) {
        java.util.concurrent.atomic.AtomicReference<X509Certificate[]> presented = new java.util.concurrent.atomic.AtomicReference<>();
        javax.net.ssl.X509TrustManager firstUse = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                throw new java.security.cert.CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                presented.set(chain.clone());
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        java.net.http.HttpResponse<byte[]> response;
        try {
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, new javax.net.ssl.TrustManager[] {firstUse}, new java.security.SecureRandom());
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(tls)
                    .connectTimeout(java.time.Duration.ofSeconds(30)).version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build();
            response = http.send(java.net.http.HttpRequest.newBuilder(url.resolve("/v1/authority"))
                    .timeout(java.time.Duration.ofSeconds(30)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new CliException("cannot reach the Trusted Authority at " + url + ": " + Inputs.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
        String what = url.resolve("/v1/authority").toString();
        if (response.statusCode() != 200) {
            throw new CliException("the Trusted Authority at " + url + " answered " + response.statusCode()
                    + " to GET /v1/authority (not an aSSURE authority, or an older one: use --authority-info)");
        }
        if (response.body().length > 256 * 1024) {
            throw new CliException(what + ": document too large");
        }
        AuthorityInfo document = parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), what);
        X509Certificate[] chain = presented.get();
        try {
            if (chain == null || chain.length == 0) {
                throw new java.security.GeneralSecurityException("no certificate");
            }
            chain[0].verify(document.ca().getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new CliException("the Trusted Authority at " + url
                    + "'s TLS certificate is not signed by the CA its document names; refusing it");
        }
        String fingerprint = Credentials.fingerprint(document.ca());
        if (pin.isPresent() && !pin.get().equals(fingerprint)) {
            throw new CliException("the Trusted Authority at " + url
                    + " has a CA whose SHA-256 fingerprint is not the one --ca-fingerprint gives; refusing it");
        }
        if (pin.isEmpty()) {
            err.println("note: trusting the Trusted Authority's CA (SHA-256 " + fingerprint + ") on first use; "
                    + "compare it with the authority's, or give --ca-fingerprint");
            err.flush();
        }
        // Later requests go to the URL the user gave (the document names the address the authority binds).
        return new AuthorityInfo(url, document.ca(), document.identityServiceKey(), document.taKey(),
                document.taRsaKey(), Optional.empty(), document.bootstrapCoap());
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
