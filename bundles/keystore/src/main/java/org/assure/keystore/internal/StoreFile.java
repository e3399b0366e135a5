package org.assure.keystore.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.CborReader;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keystore's store file {@code keystore.dat}: {@link StoreCodec} plaintext sealed by {@link StoreCipher},
 * replaced atomically by {@link AtomicFiles}. On open a leftover temporary file (a write interrupted before its
 * rename) is removed: it never holds committed data.
 */
final class StoreFile {
    static final String FILE_NAME = "keystore.dat";
    static final String MAGIC = "ASKS";
    private static final Logger LOG = LoggerFactory.getLogger(StoreFile.class);

    private final Path file;
    private final StoreCipher cipher;
    /** SHA-256 of the plaintext last read or written, so that unchanged states are not rewritten. */
    private byte[] lastWritten;

    StoreFile(Path dir, StoreCipher cipher) {
        this.file = Objects.requireNonNull(dir, "dir").resolve(FILE_NAME);
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    Path path() {
        return file;
    }

    /**
     * Reads the committed state; an absent file is the empty state.
     *
     * @throws KeystoreException {@code UNAVAILABLE} if the file does not decrypt (wrong at-rest key, corrupted)
     *                           or does not decode; {@code STORE_FAILED} on I/O errors
     */
    synchronized StoreState read() throws KeystoreException {
        try {
            if (AtomicFiles.removeLeftover(file)) {
                LOG.info("Removed an interrupted keystore write; the last committed state stands");
            }
            Optional<byte[]> sealed = AtomicFiles.read(file);
            if (sealed.isEmpty()) {
                lastWritten = digest(StoreCodec.encode(StoreState.EMPTY));
                return StoreState.EMPTY;
            }
            byte[] plain;
            try {
                plain = cipher.open(sealed.get());
            } catch (GeneralSecurityException e) {
                LOG.error("The keystore file {} does not decrypt: wrong at-rest key or corrupted", file);
                throw new KeystoreException(Reason.UNAVAILABLE, e);
            }
            try {
                StoreState state = StoreCodec.decode(plain);
                lastWritten = digest(plain);
                return state;
            } catch (CborDecodeException e) {
                LOG.error("The keystore file {} decrypts but does not decode", file);
                throw new KeystoreException(Reason.UNAVAILABLE, e);
            }
        } catch (IOException e) {
            throw new KeystoreException(Reason.STORE_FAILED, e);
        }
    }

    /**
     * Writes the persistent part of {@code state} durably; does nothing if it is what the file already holds.
     *
     * @throws KeystoreException {@code FULL} if the store would exceed the size the decoder accepts,
     *                           {@code STORE_FAILED} on I/O errors (the file then still holds the old state)
     */
    synchronized void write(StoreState state) throws KeystoreException {
        byte[] plain = StoreCodec.encode(state);
        byte[] digest = digest(plain);
        if (Arrays.equals(digest, lastWritten)) {
            Arrays.fill(plain, (byte) 0);
            return;
        }
        if (plain.length > CborReader.MAX_INPUT) {
            throw new KeystoreException(Reason.FULL);
        }
        try {
            AtomicFiles.write(file, cipher.seal(plain));
            lastWritten = digest;
        } catch (IOException e) {
            LOG.error("Writing the keystore file {} failed; the previous state stands", file);
            throw new KeystoreException(Reason.STORE_FAILED, e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] digest(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
