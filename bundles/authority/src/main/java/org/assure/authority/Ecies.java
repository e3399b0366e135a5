package org.assure.authority;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.assure.core.error.ErrorKind;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.IESParameterSpec;

/**
 * The ECIES encryption of a manufacturer's device record to the Identity Service key (draft §9.2.1, PROFILE §9):
 * BouncyCastle's {@code ECIESwithSHA512andAES-CBC} — ECDH with an ephemeral key, KDF2 over SHA-512, AES-256-CBC,
 * HMAC-SHA-512 with a 256-bit MAC key, no derivation or encoding parameters, uncompressed ephemeral point. The
 * bytes on the wire are the 16-byte CBC IV followed by BouncyCastle's output (ephemeral point, ciphertext, tag)
 * (PROFILE-ADDITIONS).
 */
public final class Ecies {
    /** Length of the IV that precedes the ECIES output. */
    public static final int IV_LENGTH = 16;
    private static final String TRANSFORMATION = "ECIESwithSHA512andAES-CBC";
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private Ecies() {
    }

    /**
     * Encrypts {@code plaintext} to {@code recipient}, an EC public key.
     *
     * @throws IllegalArgumentException if the key is not an EC key
     */
    public static byte[] encrypt(PublicKey recipient, byte[] plaintext, SecureRandom random) {
        if (!(recipient instanceof ECPublicKey)) {
            throw new IllegalArgumentException("ECIES needs an EC public key");
        }
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, recipient, spec(iv), random);
            byte[] body = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(iv, IV_LENGTH + body.length);
            System.arraycopy(body, 0, out, IV_LENGTH, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECIES encryption failed", e);
        }
    }

    /**
     * Decrypts what {@link #encrypt} produced.
     *
     * @throws AuthorityException {@link ErrorKind#MALFORMED} if the data is not a valid encryption to this key
     *                            (too short, wrong key, tampered); the cause is never exposed
     */
    public static byte[] decrypt(PrivateKey key, byte[] data) throws AuthorityException {
        if (data.length <= IV_LENGTH) {
            throw new AuthorityException(ErrorKind.MALFORMED, "not an ECIES encryption");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
            cipher.init(Cipher.DECRYPT_MODE, key, spec(Arrays.copyOf(data, IV_LENGTH)));
            return cipher.doFinal(data, IV_LENGTH, data.length - IV_LENGTH);
        } catch (GeneralSecurityException | RuntimeException e) {
            // BouncyCastle signals bad points and bad MACs with assorted exception types; all mean "not for us".
            throw new AuthorityException(ErrorKind.MALFORMED, "not an ECIES encryption");
        }
    }

    private static IESParameterSpec spec(byte[] iv) {
        return new IESParameterSpec(null, null, 256, 256, iv, false);
    }
}
