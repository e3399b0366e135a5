package org.assure.itests.osgi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * A working Kura {@link CryptoService} for the framework (Kura's own is not in this runtime): AES-256-GCM under a
 * key made at start, values as base64 of nonce and ciphertext, like Kura's. The aSSURE components use it as they
 * use Kura's: the keystore decrypts its passphrase and wraps its at-rest key with it, remote operations decrypt
 * their request token.
 */
final class AesCryptoService implements CryptoService {
    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];
    private final Map<String, char[]> keyStorePasswords = new ConcurrentHashMap<>();

    AesCryptoService() {
        random.nextBytes(key);
    }

    @Override
    public char[] encryptAes(char[] value) throws KuraException {
        ByteBuffer plain = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = Arrays.copyOf(plain.array(), plain.limit());
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(bytes);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed)
                    .array()).toCharArray();
        } catch (GeneralSecurityException e) {
            throw new KuraException(KuraErrorCode.ENCODE_ERROR, e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public char[] decryptAes(char[] encryptedValue) throws KuraException {
        try {
            byte[] sealed = Base64.getDecoder().decode(new String(encryptedValue));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            byte[] plain = cipher.doFinal(sealed, 12, sealed.length - 12);
            char[] chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain)).array();
            Arrays.fill(plain, (byte) 0);
            return chars;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KuraException(KuraErrorCode.DECODER_ERROR, e);
        }
    }

    @Override
    @Deprecated
    public String encryptAes(String value) {
        try {
            return new String(encryptAes(value.toCharArray()));
        } catch (KuraException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @Deprecated
    public String decryptAes(String encryptedValue) {
        try {
            return new String(decryptAes(encryptedValue.toCharArray()));
        } catch (KuraException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String hash(String s, String algorithm) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String encodeBase64(String stringValue) {
        return Base64.getEncoder().encodeToString(stringValue.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decodeBase64(String encodedValue) {
        return new String(Base64.getDecoder().decode(encodedValue), StandardCharsets.UTF_8);
    }

    @Override
    public char[] getKeyStorePassword(String keyStorePath) {
        return keyStorePasswords.getOrDefault(keyStorePath, new char[0]).clone();
    }

    @Override
    public void setKeyStorePassword(String keyStorePath, char[] password) {
        keyStorePasswords.put(keyStorePath, password.clone());
    }

    @Override
    @Deprecated
    public void setKeyStorePassword(String keyStorePath, String password) {
        setKeyStorePassword(keyStorePath, password.toCharArray());
    }

    @Override
    public boolean isFrameworkSecure() {
        return false;
    }
}
