package org.assure.itests.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * A working {@link CryptoService} for tests, encrypting the way KURA-API.md §7 describes Kura's default: AES/GCM,
 * 128-bit tag, random 12-byte IV, {@code base64(iv)-base64(ciphertext)}, decryption failures as
 * {@code DECODER_ERROR}. Each instance has its own random key, so text from another instance does not decrypt (a
 * gateway with another key).
 */
public final class AesGcmCryptoService implements CryptoService {
    private final byte[] key = new byte[16];
    private final SecureRandom random = new SecureRandom();
    private final Map<String, char[]> keyStorePasswords = new HashMap<>();

    public AesGcmCryptoService() {
        random.nextBytes(key);
    }

    /** {@link #encryptAes(char[])} of a string, as a test writes the encrypted value of a PASSWORD attribute. */
    public String encrypt(String plain) throws KuraException {
        return new String(encryptAes(plain.toCharArray()));
    }

    @Override
    public char[] encryptAes(char[] value) throws KuraException {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] out = cipher.doFinal(new String(value).getBytes(StandardCharsets.UTF_8));
            return (Base64.getEncoder().encodeToString(iv) + "-" + Base64.getEncoder().encodeToString(out)).toCharArray();
        } catch (GeneralSecurityException e) {
            throw new KuraException(KuraErrorCode.ENCODE_ERROR, e);
        }
    }

    @Override
    public char[] decryptAes(char[] encrypted) throws KuraException {
        try {
            String[] parts = new String(encrypted).split("-", -1);
            if (parts.length != 2) {
                throw new KuraException(KuraErrorCode.DECODER_ERROR, "format");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, Base64.getDecoder().decode(parts[0])));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[1])), StandardCharsets.UTF_8).toCharArray();
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
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String hash(String s, String algorithm) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
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
        return keyStorePasswords.get(keyStorePath);
    }

    @Override
    public void setKeyStorePassword(String keyStorePath, char[] password) {
        keyStorePasswords.put(keyStorePath, password.clone());
    }

    @Override
    @Deprecated
    public void setKeyStorePassword(String keyStorePath, String password) {
        keyStorePasswords.put(keyStorePath, password.toCharArray());
    }

    @Override
    public boolean isFrameworkSecure() {
        return false;
    }
}
