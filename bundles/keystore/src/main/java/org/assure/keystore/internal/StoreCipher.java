package org.assure.keystore.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assure.core.model.SecretBytes;

/**
 * AES-256-GCM under the at-rest key: {@code magic(4) version(1) nonce(12) ciphertext+tag(16)}, the header as
 * associated data. A fresh random nonce per write; a wrong key, a flipped bit or a truncated file fails the tag
 * check (fail closed: there is no plaintext fallback). Thread-safe.
 */
final class StoreCipher {
    static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int VERSION = 1;

    private final SecretBytes key;
    private final byte[] magic;
    private final SecureRandom random;

    /** @param magic four ASCII characters naming the file type, bound into the associated data */
    StoreCipher(SecretBytes key, String magic, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.length() != KEY_LENGTH) {
            throw new IllegalArgumentException("at-rest key must be 32 bytes");
        }
        this.magic = magic.getBytes(StandardCharsets.US_ASCII);
        if (this.magic.length != 4) {
            throw new IllegalArgumentException("magic must be 4 ASCII characters");
        }
        this.random = Objects.requireNonNull(random, "random");
    }

    byte[] seal(byte[] plaintext) {
        byte[] header = header();
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, nonce, header, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(header.length + NONCE_LENGTH + ciphertext.length).put(header).put(nonce).put(ciphertext)
                .array();
    }

    /** @throws GeneralSecurityException if the data is not a file of this type sealed under this key */
    byte[] open(byte[] sealed) throws GeneralSecurityException {
        byte[] header = header();
        if (sealed.length < header.length + NONCE_LENGTH + TAG_BITS / 8
                || !Arrays.equals(sealed, 0, header.length, header, 0, header.length)) {
            throw new AEADBadTagException("not a sealed " + new String(magic, StandardCharsets.US_ASCII) + " file");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, header.length, header.length + NONCE_LENGTH);
        int offset = header.length + NONCE_LENGTH;
        return runChecked(Cipher.DECRYPT_MODE, nonce, header, sealed, offset, sealed.length - offset);
    }

    private byte[] header() {
        byte[] header = Arrays.copyOf(magic, magic.length + 1);
        header[magic.length] = VERSION;
        return header;
    }

    private byte[] run(int mode, byte[] nonce, byte[] aad, byte[] input, int offset, int length) {
        try {
            return runChecked(mode, nonce, aad, input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private byte[] runChecked(int mode, byte[] nonce, byte[] aad, byte[] input, int offset, int length)
            throws GeneralSecurityException {
        byte[] raw = key.toByteArray();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input, offset, length);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "StoreCipher[AES-256-GCM]";
    }
}
