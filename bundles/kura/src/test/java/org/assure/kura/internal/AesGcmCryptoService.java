package org.assure.kura.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * A working {@link CryptoService} for tests, encrypting the way KURA-API.md §7 describes Kura's default: AES/GCM, 128-bit
 * tag, random 12-byte IV, {@code base64(iv)-base64(ciphertext)}, decryption failures as {@code DECODER_ERROR}. Each
 * instance has its own random key, so text from another instance does not decrypt (a gateway with another key).
 */
final class AesGcmCryptoService implements CryptoService {
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    AesGcmCryptoService() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(128);
            key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public char[] encryptAes(char[] value) throws KuraException {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ciphertext = cipher.doFinal(new String(value).getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return (b64.encodeToString(iv) + "-" + b64.encodeToString(ciphertext)).toCharArray();
        } catch (GeneralSecurityException e) {
            throw new KuraException(KuraErrorCode.ENCODE_ERROR, e);
        }
    }

    @Override
    public char[] decryptAes(char[] encryptedValue) throws KuraException {
        try {
            String[] parts = new String(encryptedValue).split("-", -1);
            if (parts.length != 2) {
                throw new KuraException(KuraErrorCode.DECODER_ERROR, "format");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, b64.decode(parts[0])));
            return new String(cipher.doFinal(b64.decode(parts[1])), StandardCharsets.UTF_8).toCharArray();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KuraException(KuraErrorCode.DECODER_ERROR, e);
        }
    }

    String encrypt(String plain) throws KuraException {
        return new String(encryptAes(plain.toCharArray()));
    }

    @Override
    @Deprecated
    public String encryptAes(String value) {
        throw new UnsupportedOperationException("deprecated String API: not used by aSSURE");
    }

    @Override
    @Deprecated
    public String decryptAes(String encryptedValue) {
        throw new UnsupportedOperationException("deprecated String API: not used by aSSURE");
    }

    @Override
    public String hash(String s, String algorithm) throws java.security.NoSuchAlgorithmException {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
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
        throw new UnsupportedOperationException("not used by aSSURE");
    }

    @Override
    public void setKeyStorePassword(String keyStorePath, char[] password) {
        throw new UnsupportedOperationException("not used by aSSURE");
    }

    @Override
    @Deprecated
    public void setKeyStorePassword(String keyStorePath, String password) {
        throw new UnsupportedOperationException("not used by aSSURE");
    }

    @Override
    public boolean isFrameworkSecure() {
        return false;
    }
}
