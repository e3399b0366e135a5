package org.assure.cli.internal;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.Uuids;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assure owner register}: makes this home a management system (draft §9.3.1) — a P-256 key, a PKCS#10
 * request to {@code POST /v1/managementsystems}, and the certificate whose serial is the management id.
 */
@Command(name = "register",
        description = {"Register this home as a management system with the Trusted Authority (draft §9.3.1):",
                "makes a P-256 key, sends a certificate request, keeps the key (sealed under the home passphrase,",
                "see --home-passphrase-file) and the certificate in <home>/owner.",
                "The certificate's serial in hex is the management id other owners transfer devices to."})
final class OwnerRegisterCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

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

    @Option(names = "--subject", paramLabel = "DN", defaultValue = "CN=aSSURE management system",
            description = "Subject of the certificate request (default: ${DEFAULT-VALUE}).")
    private String subject;

    @Override
    public Integer call() {
        Home home = common.home();
        if (OwnerIdentity.exists(home)) {
            throw new CliException("this home is already management system " + OwnerIdentity.registeredMgmtId(home)
                    + " (" + OwnerIdentity.directory(home) + "); use another --home for another one");
        }
        AuthorityInfo info = AuthorityInfo.resolve(home, authorityInfo, authority, caFingerprint,
                spec.commandLine().getErr());
        URI url = authority != null ? authority : info.trustedAuthority();
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, new SecureRandom());
        byte[] csr = Credentials.csr(pair, subject);
        HttpsClient ta = new HttpsClient(url, "Trusted Authority", info.ca(), Optional.empty(), Optional.empty());
        HttpsClient.Answer answer = ta.send("POST", "/v1/managementsystems", csr, "application/pkcs10", 201,
                Map.of(400, "the Trusted Authority refused the certificate request"));
        X509Certificate certificate = Credentials.certificate(answer.body());
        if (!certificate.getPublicKey().equals(pair.getPublic())) {
            throw new CliException("the Trusted Authority's certificate is not for our key");
        }
        OwnerIdentity owner = new OwnerIdentity(new Credentials.KeyAndCertificate(pair.getPrivate(), certificate),
                OwnerIdentity.mgmtId(certificate), url, info.ca());
        owner.store(home);
        UUID keyId = keyId(certificate);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Map<String, Object> json = Json.object();
            json.put("management_id", owner.mgmtId());
            json.put("key_id", keyId == null ? null : keyId.toString());
            json.put("trusted_authority_url", url.toString());
            json.put("certificate", OwnerIdentity.directory(home).resolve("cert.pem").toString());
            out.print(Json.write(json));
        } else {
            out.println("registered management system " + owner.mgmtId());
            out.println("key id:      " + keyId);
            out.println("certificate: " + OwnerIdentity.directory(home).resolve("cert.pem"));
        }
        out.flush();
        return AssureMain.EXIT_OK;
    }

    /** The UUID the management key has in aSSURE structures: the subjectKeyIdentifier (PROFILE-ADDITIONS 18). */
    private static UUID keyId(X509Certificate certificate) {
        try {
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(
                    new JcaX509CertificateHolder(certificate).getExtensions());
            return ski != null && ski.getKeyIdentifier().length == 16 ? Uuids.fromBytes(ski.getKeyIdentifier()) : null;
        } catch (CertificateEncodingException e) {
            return null;
        }
    }
}
