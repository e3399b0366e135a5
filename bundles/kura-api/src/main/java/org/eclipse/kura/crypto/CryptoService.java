package org.eclipse.kura.crypto;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's symmetric encryption, hashing and key-store password store.
 * <p>
 * Kura stores the values of {@code Password} metatype attributes encrypted with {@link #encryptAes(char[])} and
 * delivers them to components as that encrypted text; {@link #decryptAes(char[])} recovers the password. Kura's
 * implementation uses AES/GCM with a random IV; encryption failures carry
 * {@link org.eclipse.kura.KuraErrorCode#ENCODE_ERROR}, decryption failures
 * {@link org.eclipse.kura.KuraErrorCode#DECODER_ERROR}.
 */
@ProviderType
public interface CryptoService {

    /**
     * @param value the plain text
     * @return the encrypted text
     * @throws KuraException if encryption fails
     */
    char[] encryptAes(char[] value) throws KuraException;

    /**
     * @param encryptedValue text produced by {@link #encryptAes(char[])}
     * @return the plain text
     * @throws KuraException if the text cannot be decrypted (wrong key, corrupted or not encrypted)
     */
    char[] decryptAes(char[] encryptedValue) throws KuraException;

    /** @deprecated use {@link #encryptAes(char[])}, which keeps the secret out of immutable strings. */
    @Deprecated
    String encryptAes(String value) throws NoSuchAlgorithmException, NoSuchPaddingException, InvalidKeyException,
            IllegalBlockSizeException, BadPaddingException;

    /** @deprecated use {@link #decryptAes(char[])}, which keeps the secret out of immutable strings. */
    @Deprecated
    String decryptAes(String encryptedValue) throws NoSuchAlgorithmException, NoSuchPaddingException,
            InvalidKeyException, IOException, IllegalBlockSizeException, BadPaddingException;

    /** The SHA-1 digest of {@code s}, as {@link #hash(String, String)} returns it. */
    default String sha1Hash(String s) throws NoSuchAlgorithmException, UnsupportedEncodingException {
        return hash(s, "SHA-1");
    }

    /** The SHA-256 digest of {@code s}, as {@link #hash(String, String)} returns it. */
    default String sha256Hash(String s) throws NoSuchAlgorithmException, UnsupportedEncodingException {
        return hash(s, "SHA-256");
    }

    /**
     * Digests the UTF-8 bytes of {@code s}. Kura's implementation returns the digest Base64-encoded, not in hex.
     *
     * @throws NoSuchAlgorithmException if the platform has no such digest
     */
    String hash(String s, String algorithm) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /** Base64-encodes the bytes of {@code stringValue}. */
    String encodeBase64(String stringValue) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /** Decodes Base64 text back into a string. */
    String decodeBase64(String encodedValue) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /** @return the password stored for the key store at {@code keyStorePath} */
    char[] getKeyStorePassword(String keyStorePath);

    /**
     * Stores the password of the key store at {@code keyStorePath}.
     *
     * @throws KuraException if the password cannot be stored
     */
    void setKeyStorePassword(String keyStorePath, char[] password) throws KuraException;

    /** @deprecated use {@link #setKeyStorePassword(String, char[])}. */
    @Deprecated
    void setKeyStorePassword(String keyStorePath, String password) throws IOException;

    /** @return whether the framework runs in Kura's secure mode */
    boolean isFrameworkSecure();
}
