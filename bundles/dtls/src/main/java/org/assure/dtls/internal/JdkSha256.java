package org.assure.dtls.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * SHA-256 for BouncyCastle's lightweight HMAC in the deterministic ECDSA nonces of {@code ec.P256} (RFC 6979),
 * computed by the JDK's own provider ({@code SUN}), whose SHA-256 the JIT replaces with the CPU's SHA instructions
 * (SHA-NI, or AVX2 code) where present; BouncyCastle's pure-Java {@code SHA256Digest} is several times slower.
 * {@link Memoable}, so BouncyCastle's HMAC keeps its precomputed pads as digest states instead of rehashing them.
 */
public final class JdkSha256 implements ExtendedDigest, Memoable {
    private static final MessageDigest PROTOTYPE = prototype();

    private MessageDigest digest;

    private JdkSha256(MessageDigest digest) {
        this.digest = digest;
    }

    /** Whether the JDK's SHA-256 is there (it is in every Java SE runtime; if not, BouncyCastle's is used). */
    public static boolean available() {
        return PROTOTYPE != null;
    }

    /** A fresh digest; only when {@link #available()}. */
    public static JdkSha256 create() {
        return new JdkSha256(cloneOf(PROTOTYPE));
    }

    private static MessageDigest prototype() {
        try {
            // The SUN provider by name: another provider ahead of it (e.g. BouncyCastle's) would win a plain lookup.
            Provider sun = Security.getProvider("SUN");
            MessageDigest candidate = sun != null ? MessageDigest.getInstance("SHA-256", sun)
                    : MessageDigest.getInstance("SHA-256");
            candidate.clone();
            return candidate;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
        }
    }

    private static MessageDigest cloneOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            // The prototype was checked to clone; every clone of it clones the same way.
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getAlgorithmName() {
        return "SHA-256";
    }

    @Override
    public int getDigestSize() {
        return 32;
    }

    @Override
    public int getByteLength() {
        return 64;
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        digest.update(in, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        try {
            return digest.digest(out, offset, 32);
        } catch (DigestException e) {
            throw new IllegalArgumentException("output buffer too short", e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }

    @Override
    public JdkSha256 copy() {
        return new JdkSha256(cloneOf(digest));
    }

    @Override
    public void reset(Memoable other) {
        digest = cloneOf(((JdkSha256) other).digest);
    }
}
