package org.assure.keystore.internal;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.assure.core.model.SecretBytes;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit key that encrypts the store at rest, kept in a key file in the data directory, created owner-only
 * (0600) on first start. When Kura's {@link CryptoService} is present the key is stored wrapped by it (so the
 * file alone does not reveal it); otherwise the file holds it in base64 and only file permissions protect it.
 * One line of text: {@code assure-at-rest-key/1 plain <base64>} or {@code assure-at-rest-key/1 kura <wrapped>}.
 * A file wrapped by Kura cannot be read without Kura's CryptoService: the keystore then stays unavailable rather
 * than fall back (fail closed).
 */
final class AtRestKey {
    static final String FILE_NAME = "keystore.key";
    private static final Logger LOG = LoggerFactory.getLogger(AtRestKey.class);
    private static final String PREFIX = "assure-at-rest-key/1 ";
    private static final String PLAIN = "plain";
    private static final String KURA = "kura";

    private AtRestKey() {
    }

    /**
     * Loads the key from {@code dir}, creating it if the directory has neither key nor store. A plain key file is re-wrapped when
     * a CryptoService is present.
     *
     * @throws KeystoreException {@code UNAVAILABLE} if the file is malformed or cannot be unwrapped,
     *                           {@code STORE_FAILED} on I/O errors
     */
    static SecretBytes loadOrCreate(Path dir, boolean storeExists, Optional<CryptoService> crypto, SecureRandom random)
            throws KeystoreException {
        Path file = dir.resolve(FILE_NAME);
        try {
            AtomicFiles.removeLeftover(file);
            Optional<byte[]> content = AtomicFiles.read(file);
            if (content.isEmpty() && storeExists) {
                // A new key could never decrypt the existing store; keep the store for the operator to recover.
                LOG.error("The keystore's at-rest key file {} is missing but its store exists", file);
                throw new KeystoreException(Reason.UNAVAILABLE);
            }
            if (content.isEmpty()) {
                byte[] key = new byte[StoreCipher.KEY_LENGTH];
                random.nextBytes(key);
                SecretBytes secret = SecretBytes.wrap(key);
                write(file, secret, crypto);
                LOG.info("Created the keystore's at-rest key ({})", crypto.isPresent() ? "wrapped by Kura's CryptoService"
                        : "owner-only key file");
                return secret;
            }
            return parse(file, content.get(), crypto);
        } catch (IOException e) {
            throw new KeystoreException(Reason.STORE_FAILED, e);
        }
    }

    private static SecretBytes parse(Path file, byte[] content, Optional<CryptoService> crypto)
            throws KeystoreException, IOException {
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith(PREFIX)) {
            throw new KeystoreException(Reason.UNAVAILABLE);
        }
        String[] parts = text.substring(PREFIX.length()).split(" ", 2);
        if (parts.length != 2) {
            throw new KeystoreException(Reason.UNAVAILABLE);
        }
        char[] encoded = parts[1].toCharArray();
        char[] unwrapped = null;
        try {
            if (PLAIN.equals(parts[0])) {
                SecretBytes key = decode(encoded);
                if (crypto.isPresent()) {
                    write(file, key, crypto);
                    LOG.info("Wrapped the keystore's at-rest key with Kura's CryptoService");
                }
                return key;
            }
            if (KURA.equals(parts[0])) {
                if (crypto.isEmpty()) {
                    LOG.error("The keystore's at-rest key is wrapped by Kura's CryptoService, which is not available");
                    throw new KeystoreException(Reason.UNAVAILABLE);
                }
                try {
                    unwrapped = crypto.get().decryptAes(encoded);
                } catch (KuraException | RuntimeException e) {
                    throw new KeystoreException(Reason.UNAVAILABLE, e);
                }
                return decode(unwrapped);
            }
            throw new KeystoreException(Reason.UNAVAILABLE);
        } finally {
            Arrays.fill(encoded, '\0');
            if (unwrapped != null) {
                Arrays.fill(unwrapped, '\0');
            }
        }
    }

    private static SecretBytes decode(char[] base64) throws KeystoreException {
        byte[] ascii = StandardCharsets.US_ASCII.encode(CharBuffer.wrap(base64)).array();
        try {
            byte[] key = Base64.getDecoder().decode(Arrays.copyOf(ascii, base64.length));
            if (key.length != StoreCipher.KEY_LENGTH) {
                Arrays.fill(key, (byte) 0);
                throw new KeystoreException(Reason.UNAVAILABLE);
            }
            return SecretBytes.wrap(key);
        } catch (IllegalArgumentException e) {
            throw new KeystoreException(Reason.UNAVAILABLE);
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private static void write(Path file, SecretBytes key, Optional<CryptoService> crypto)
            throws IOException, KeystoreException {
        byte[] raw = key.toByteArray();
        char[] encoded = Base64.getEncoder().encodeToString(raw).toCharArray();
        Arrays.fill(raw, (byte) 0);
        char[] stored = encoded;
        String mode = PLAIN;
        try {
            if (crypto.isPresent()) {
                try {
                    stored = crypto.get().encryptAes(encoded);
                } catch (KuraException | RuntimeException e) {
                    throw new KeystoreException(Reason.UNAVAILABLE, e);
                }
                mode = KURA;
            }
            CharBuffer line = CharBuffer.allocate(PREFIX.length() + mode.length() + 2 + stored.length);
            line.put(PREFIX).put(mode).put(' ').put(stored).put('\n').flip();
            byte[] bytes = Arrays.copyOf(StandardCharsets.US_ASCII.encode(line).array(), line.limit());
            try {
                AtomicFiles.write(file, bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
                Arrays.fill(line.array(), '\0');
            }
        } finally {
            Arrays.fill(encoded, '\0');
            if (stored != encoded) {
                Arrays.fill(stored, '\0');
            }
        }
    }
}
