package org.assure.cli.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * This home's management system (draft §9.3.1): its key and the certificate the Trusted Authority issued, whose
 * serial in lower-case hex is its management id, and the authority it is registered with. Kept in
 * {@code <home>/owner}: {@code key.sealed} (0600, sealed under the home passphrase), {@code cert.pem},
 * {@code owner.json}.
 */
record OwnerIdentity(Credentials.KeyAndCertificate credentials, String mgmtId, URI trustedAuthority,
        X509Certificate ca) {
    static final String FORMAT = "assure-owner/1";
    static final String FILE = "owner.json";

    static Path directory(Home home) {
        return home.path(Home.OWNER);
    }

    static boolean exists(Home home) {
        return Files.isRegularFile(directory(home).resolve(FILE));
    }

    /** The management id of a certificate the Trusted Authority issued (PROFILE-ADDITIONS 18). */
    static String mgmtId(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** The management id recorded in this home's owner file, without opening the key. */
    static String registeredMgmtId(Home home) {
        Path file = directory(home).resolve(FILE);
        Map<String, Object> json = Json.parseObject(Home.readText(file, ""), file.toString());
        return Json.string(json, "management_id", file.toString());
    }

    static OwnerIdentity load(Home home) {
        Path dir = directory(home);
        Path file = dir.resolve(FILE);
        String what = file.toString();
        Map<String, Object> json = Json.parseObject(Home.readText(file,
                "this home has no management system; run 'assure owner register' first"), what);
        if (!FORMAT.equals(json.get("format"))) {
            throw new CliException(what + ": not an owner file (format " + FORMAT + ")");
        }
        Credentials.KeyAndCertificate credentials = Credentials.load(home, dir)
                .orElseThrow(() -> new CliException("missing key.sealed or cert.pem in " + dir));
        X509Certificate ca = Credentials.certificateFromPem(Json.string(json, "ca_certificate", what), what);
        return new OwnerIdentity(credentials, mgmtId(credentials.certificate()),
                AuthorityInfo.uri(Json.string(json, "trusted_authority_url", what), what), ca);
    }

    void store(Home home) {
        Path dir = home.directory(Home.OWNER);
        Credentials.store(home, dir, credentials.key(), credentials.certificate());
        Map<String, Object> json = Json.object();
        json.put("format", FORMAT);
        json.put("management_id", mgmtId);
        json.put("trusted_authority_url", trustedAuthority.toString());
        json.put("ca_certificate", Credentials.certificatePem(ca));
        Home.writePublic(dir.resolve(FILE), Json.write(json));
    }

    /** The Owner API (draft §9.3) as this management system. */
    HttpsClient ownerApi() {
        return new HttpsClient(trustedAuthority, "Trusted Authority", ca, Optional.of(credentials), Optional.empty());
    }
}
