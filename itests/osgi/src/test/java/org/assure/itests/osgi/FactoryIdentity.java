package org.assure.itests.osgi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.crypto.Keys;
import org.assure.core.model.EcKey;
import org.assure.core.model.KeyDefinition;

/**
 * Writes a factory identity file for an EC device as docs/factory-identity.md specifies it — written here from the
 * document, not with the keystore's own (private) writer, so the keystore is tested against its specification.
 */
final class FactoryIdentity {
    static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FactoryIdentity() {
    }

    /**
     * @param device            the device key pair; its key id is the device id
     * @param trustedAuthority  the Trusted Authority key (public form) the device trusts
     */
    static Path writeEc(Path file, UUID deviceId, long bootstrapServerId, KeyPair device, KeyDefinition trustedAuthority,
            String passphrase) throws IOException, GeneralSecurityException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder();
        EcKey devicePublic = EcKey.publicKey(deviceId, Keys.encodePublic(device.getPublic()));
        String text = "# written by the in-framework tests (docs/factory-identity.md)\n"
                + "format = assure-factory-identity/1\n"
                + "device.id = " + deviceId + "\n"
                + "bootstrap.server.id = " + bootstrapServerId + "\n"
                + "device.key = " + b64.encodeToString(KeyDefinitionCodec.encode(devicePublic)) + "\n"
                + "device.key.private = " + b64.encodeToString(seal(key, deviceId, "device.key.private",
                        device.getPrivate().getEncoded())) + "\n"
                + "trusted.authority.key = " + b64.encodeToString(KeyDefinitionCodec.encode(trustedAuthority)) + "\n"
                + "protection = pbkdf2-hmac-sha256/aes-256-gcm\n"
                + "protection.salt = " + b64.encodeToString(salt) + "\n"
                + "protection.iterations = " + ITERATIONS + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] seal(byte[] key, UUID deviceId, String field, byte[] plaintext) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(("assure-factory-identity/1 " + deviceId + " " + field).getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }
}
