package org.assure.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import org.assure.core.model.Bytes;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.SecretBytes;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The cipher of a shared-secret bootstrap payload (draft §15.5.3, PROFILE §4) for the nine suites of §7.8:
 * CBC with PKCS#7 padding, a 16-byte IV and an empty tag; CCM with a 12-byte nonce and a 16-byte tag; GCM with a
 * 12-byte IV and a 16-byte tag. No additional authenticated data; the tag travels apart from the ciphertext.
 *
 * <p>CBC is not authenticated by itself: the bootstrap image signature, checked before decryption, covers it.
 */
public final class PayloadCipher {
    private static final int TAG_BITS = 128;
    private static final int BLOCK = 16;

    private PayloadCipher() {
    }

    /** An encrypted payload: IV or nonce, tag (empty for CBC) and ciphertext. */
    public record Sealed(Bytes iv, Bytes tag, Bytes ciphertext) {
        public Sealed {
            Objects.requireNonNull(iv, "iv");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(ciphertext, "ciphertext");
        }
    }

    /**
     * Encrypts with a fresh random IV or nonce.
     *
     * @throws IllegalArgumentException if the key length is not the suite's
     */
    public static Sealed encrypt(CipherSuite suite, SecretBytes key, byte[] plaintext, SecureRandom random) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(random, "random");
        if (key.length() != suite.keyLength()) {
            throw new IllegalArgumentException("key length does not match " + suite.label());
        }
        byte[] iv = new byte[suite.mode().ivLength()];
        random.nextBytes(iv);
        KeyParameter keyParameter = keyParameter(key);
        try {
            if (suite.mode() == CipherSuite.Mode.CBC) {
                BufferedBlockCipher cipher = cbc();
                cipher.init(true, new ParametersWithIV(keyParameter, iv));
                return new Sealed(Bytes.of(iv), Bytes.EMPTY, Bytes.of(run(cipher, plaintext)));
            }
            AEADBlockCipher cipher = aead(suite.mode());
            cipher.init(true, new AEADParameters(keyParameter, TAG_BITS, iv));
            byte[] sealed = run(cipher, plaintext);
            int split = sealed.length - TAG_BITS / 8;
            return new Sealed(Bytes.of(iv), Bytes.of(Arrays.copyOfRange(sealed, split, sealed.length)),
                    Bytes.of(Arrays.copyOf(sealed, split)));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption failed", e);
        } finally {
            Arrays.fill(keyParameter.getKey(), (byte) 0);
        }
    }

    /**
     * Decrypts and, for CCM and GCM, authenticates.
     *
     * @throws CryptoException MALFORMED if the key, IV or tag length does not fit the suite or a CBC ciphertext is not
     *                         a whole number of blocks; UNAUTHENTICATED if the tag or the padding is wrong (one
     *                         message for both, so that the answer is no padding oracle)
     */
    public static byte[] decrypt(CipherSuite suite, SecretBytes key, Bytes iv, Bytes tag, Bytes ciphertext)
            throws CryptoException {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(iv, "iv");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(ciphertext, "ciphertext");
        CipherSuite.Mode mode = suite.mode();
        if (key.length() != suite.keyLength()) {
            throw CryptoException.malformed("key length does not match the cipher suite");
        }
        if (iv.length() != mode.ivLength() || tag.length() != mode.tagLength()) {
            throw CryptoException.malformed("IV or tag length does not match the cipher suite");
        }
        if (mode == CipherSuite.Mode.CBC && (ciphertext.isEmpty() || ciphertext.length() % BLOCK != 0)) {
            throw CryptoException.malformed("CBC ciphertext is not a whole number of blocks");
        }
        KeyParameter keyParameter = keyParameter(key);
        try {
            if (mode == CipherSuite.Mode.CBC) {
                BufferedBlockCipher cipher = cbc();
                cipher.init(false, new ParametersWithIV(keyParameter, iv.toByteArray()));
                return run(cipher, ciphertext.toByteArray());
            }
            AEADBlockCipher cipher = aead(mode);
            cipher.init(false, new AEADParameters(keyParameter, TAG_BITS, iv.toByteArray()));
            byte[] body = ciphertext.toByteArray();
            byte[] input = Arrays.copyOf(body, body.length + tag.length());
            System.arraycopy(tag.toByteArray(), 0, input, body.length, tag.length());
            return run(cipher, input);
        } catch (InvalidCipherTextException e) {
            throw CryptoException.unauthenticated("payload decryption failed");
        } finally {
            Arrays.fill(keyParameter.getKey(), (byte) 0);
        }
    }

    private static KeyParameter keyParameter(SecretBytes key) {
        byte[] bytes = key.toByteArray();
        try {
            return new KeyParameter(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static BufferedBlockCipher cbc() {
        return new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()), new PKCS7Padding());
    }

    private static AEADBlockCipher aead(CipherSuite.Mode mode) {
        return mode == CipherSuite.Mode.GCM
                ? GCMBlockCipher.newInstance(AESEngine.newInstance())
                : CCMBlockCipher.newInstance(AESEngine.newInstance());
    }

    private static byte[] run(BufferedBlockCipher cipher, byte[] input) throws InvalidCipherTextException {
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        length += cipher.doFinal(out, length);
        return length == out.length ? out : trimmed(out, length);
    }

    private static byte[] run(AEADBlockCipher cipher, byte[] input) throws InvalidCipherTextException {
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        length += cipher.doFinal(out, length);
        return length == out.length ? out : trimmed(out, length);
    }

    /** Copies the first {@code length} bytes and clears the rest of a buffer that may hold plaintext. */
    private static byte[] trimmed(byte[] out, int length) {
        byte[] result = Arrays.copyOf(out, length);
        Arrays.fill(out, (byte) 0);
        return result;
    }
}
