package org.assure.authority.internal.ta;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.store.Database;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.KeyFormat;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Management systems registered with the Owner API (draft §9.3.1): a DER PKCS#10 CSR with a valid self-signature
 * over an EC key becomes a certificate from the authority's CA whose random serial (72 bits, top bit set) is the
 * management id, written as lower-case hex (PROFILE-ADDITIONS).
 */
public final class ManagementSystems {
    /** Largest CSR accepted. */
    public static final int MAX_CSR = 16 * 1024;
    private static final Pattern MGMT_ID = Pattern.compile("[0-9a-fA-F]{16,40}");

    /** A registered management system. */
    public record ManagementSystem(String mgmtId, UUID keyId, PublicKey publicKey, Bytes certificate) {
    }

    private final Database db;
    private final AuthorityKeys keys;
    private final SecureRandom random;

    public ManagementSystems(Database db, AuthorityKeys keys, SecureRandom random) {
        this.db = db;
        this.keys = keys;
        this.random = random;
    }

    /** The management id text of a certificate serial. */
    public static String mgmtId(BigInteger serial) {
        return serial.toString(16);
    }

    /**
     * The normalised management id, or empty if {@code text} cannot be one.
     */
    public static Optional<String> parseMgmtId(String text) {
        if (text == null || !MGMT_ID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(text, 16).toString(16).toLowerCase(Locale.ROOT));
    }

    /**
     * Issues a certificate for {@code csrDer}.
     *
     * @return the DER certificate
     * @throws AuthorityException MALFORMED for anything but one DER CSR, validly self-signed, over a P-256/384/521
     *                            key; TOO_LARGE over 16 KiB
     */
    public byte[] register(byte[] csrDer) throws AuthorityException {
        if (csrDer.length > MAX_CSR) {
            throw new AuthorityException(ErrorKind.TOO_LARGE, "CSR too large");
        }
        PKCS10CertificationRequest csr;
        PublicKey key;
        try {
            csr = new PKCS10CertificationRequest(csrDer);
            if (!java.util.Arrays.equals(csr.getEncoded(), csrDer)) {
                // Trailing bytes or a non-DER encoding: refuse rather than sign something else than was sent.
                throw new AuthorityException(ErrorKind.MALFORMED, "malformed CSR");
            }
            key = Keys.publicKey(KeyFormat.EC, Bytes.of(csr.getSubjectPublicKeyInfo().getEncoded()));
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Certificates.PROVIDER)
                    .build(key))) {
                throw new AuthorityException(ErrorKind.MALFORMED, "CSR signature invalid");
            }
        } catch (IOException | CryptoException | OperatorCreationException | PKCSException | RuntimeException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "malformed CSR");
        }
        UUID keyId = UUID.randomUUID();
        for (int attempt = 0; attempt < 4; attempt++) {
            BigInteger serial = AuthorityKeys.serial(random);
            X509Certificate cert = Certificates.managementSystem(keys.ca().certificate().orElseThrow(),
                    keys.ca().pair().getPrivate(), csr.getSubject(), key, serial, keyId);
            byte[] der;
            try {
                der = cert.getEncoded();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            String mgmtId = mgmtId(serial);
            boolean inserted = db.transaction(c -> {
                if (find(c, mgmtId).isPresent()) {
                    return false;
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO management_systems "
                        + "(mgmt_id, key_id, public_key, certificate, created_at) VALUES (?, ?, ?, ?, ?)")) {
                    p.setString(1, mgmtId);
                    p.setString(2, keyId.toString());
                    p.setBytes(3, Keys.encodePublic(key).toByteArray());
                    p.setBytes(4, der);
                    p.setTimestamp(5, Timestamp.from(Instant.now()));
                    p.executeUpdate();
                }
                return true;
            });
            if (inserted) {
                return der;
            }
        }
        throw new AuthorityException(ErrorKind.UNAVAILABLE, "could not allocate a management id");
    }

    public Optional<ManagementSystem> find(String mgmtId) throws AuthorityException {
        return db.transaction(c -> find(c, mgmtId));
    }

    static Optional<ManagementSystem> find(Connection c, String mgmtId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT key_id, public_key, certificate FROM management_systems WHERE mgmt_id = ?")) {
            p.setString(1, mgmtId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(new ManagementSystem(mgmtId, UUID.fromString(r.getString(1)),
                            Keys.publicKey(KeyFormat.EC, Bytes.of(r.getBytes(2))), Bytes.of(r.getBytes(3))));
                } catch (CryptoException e) {
                    throw new IllegalStateException("stored management system key unreadable", e);
                }
            }
        }
    }
}
