package org.assure.authority.internal.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assure.core.model.SecretBytes;

/**
 * Encryption at rest of everything secret the authority stores (device secrets, case ids, private keys):
 * AES-256-GCM under the authority's master key, a fresh 12-byte nonce per value, and the value's place
 * (table, column, row id) as associated data so that a sealed value cannot be moved to another row or column.
 * Sealed form: nonce || ciphertext || tag.
 */
public final class AtRestCipher {
    public static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public AtRestCipher(SecretBytes masterKey, SecureRandom random) {
        if (masterKey.length() != KEY_LENGTH) {
            throw new IllegalArgumentException("master key must be 32 bytes");
        }
        byte[] k = masterKey.toByteArray();
        this.key = new SecretKeySpec(k, "AES");
        Arrays.fill(k, (byte) 0);
        this.random = random;
    }

    public byte[] seal(byte[] plaintext, String place) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] body = c.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + body.length);
            System.arraycopy(body, 0, out, NONCE_LENGTH, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * @throws IllegalStateException if the value was not sealed with this key for this place (wrong master key,
     *                               tampered database): the authority cannot go on with such a store
     */
    public byte[] open(byte[] sealed, String place) {
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("sealed value truncated at " + place);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_LENGTH));
            c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed value does not open at " + place
                    + " (wrong master key or tampered store)");
        }
    }
}
