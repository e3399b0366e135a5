package org.assure.kura.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * The optional request token: a Kura password attribute, delivered encrypted and decrypted through Kura's
 * {@link CryptoService} at each use, so the plain text lives only for one comparison. Never printed.
 */
final class RequestToken {
    private final String encrypted;
    private final CryptoService crypto;

    /**
     * @param encrypted the attribute as Kura delivers it (encrypted text); null or empty means no token
     * @param crypto    Kura's crypto service
     */
    RequestToken(String encrypted, CryptoService crypto) {
        this.encrypted = encrypted == null ? "" : encrypted;
        this.crypto = Objects.requireNonNull(crypto, "crypto");
    }

    /**
     * Whether a request presenting {@code presented} (the {@code request.token} metric, possibly null) may proceed.
     *
     * @throws KuraException if the configured token cannot be decrypted; the request must then be refused
     */
    boolean admits(Object presented) throws KuraException {
        if (encrypted.isEmpty()) {
            return true;
        }
        char[] expected = crypto.decryptAes(encrypted.toCharArray());
        if (expected == null) {
            throw KuraException.internalError("request token decrypted to nothing");
        }
        try {
            if (expected.length == 0) {
                return true;
            }
            if (!(presented instanceof String given)) {
                return false;
            }
            char[] givenChars = given.toCharArray();
            try {
                // digests first: equal length inputs, so the comparison time tells nothing about the token
                return MessageDigest.isEqual(digest(expected), digest(givenChars));
            } finally {
                Arrays.fill(givenChars, '\0');
            }
        } finally {
            Arrays.fill(expected, '\0');
        }
    }

    private static byte[] digest(char[] text) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        byte[] plain = new byte[bytes.remaining()];
        bytes.get(plain);
        try {
            return MessageDigest.getInstance("SHA-256").digest(plain);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return encrypted.isEmpty() ? "RequestToken[none]" : "RequestToken[set]";
    }
}
