package org.assure.cli.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.SecretBytes;

/**
 * Writes the gateway's factory identity file exactly as {@code docs/factory-identity.md} defines it (the
 * keystore reads it at every start): device key or secret and Trusted Authority anchor, secrets sealed with
 * AES-256-GCM under a PBKDF2-HMAC-SHA256 key from the factory passphrase, each bound to its device and field.
 */
final class FactoryIdentityWriter {
    static final String FORMAT = "assure-factory-identity/1";
    static final String PROTECTION = "pbkdf2-hmac-sha256/aes-256-gcm";
    static final int MIN_ITERATIONS = 10_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int SALT = 16;

    private FactoryIdentityWriter() {
    }

    /** The device's own credential: an EC/RSA key with its private part, or a shared secret. */
    sealed interface Credential {
        /** @param key with its private part; written public in {@code device.key}, sealed in {@code device.key.private} */
        record Key(AsymmetricKey key) implements Credential {
        }

        record Secret(UUID secretId, SecretBytes secret) implements Credential {
            @Override
            public String toString() {
                return "Secret[" + secretId + "]";
            }
        }
    }

    static String format(UUID device, long bootstrapServerId, Credential credential, KeyDefinition trustedAuthorityKey,
            char[] passphrase, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        byte[] key = sealingKey(passphrase, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder text = new StringBuilder();
        try {
            text.append("# aSSURE factory identity (docs/factory-identity.md). Secrets are sealed under the factory passphrase.\n");
            line(text, "format", FORMAT);
            line(text, "device.id", device.toString());
            line(text, "bootstrap.server.id", Long.toString(bootstrapServerId));
            if (credential instanceof Credential.Key k) {
                line(text, "device.key", b64.encodeToString(KeyDefinitionCodec.encode(KeyDefinitionCodec.publicForm(k.key()))));
                byte[] pkcs8 = k.key().privateKey().toByteArray();
                try {
                    line(text, "device.key.private", b64.encodeToString(seal(key, device, "device.key.private", pkcs8, random)));
                } finally {
                    Arrays.fill(pkcs8, (byte) 0);
                }
            } else {
                Credential.Secret s = (Credential.Secret) credential;
                line(text, "device.secret.id", s.secretId().toString());
                byte[] secret = s.secret().toByteArray();
                try {
                    line(text, "device.secret", b64.encodeToString(seal(key, device, "device.secret", secret, random)));
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
            }
            line(text, "trusted.authority.key", b64.encodeToString(KeyDefinitionCodec.encode(
                    KeyDefinitionCodec.publicForm(trustedAuthorityKey))));
            line(text, "protection", PROTECTION);
            line(text, "protection.salt", b64.encodeToString(salt));
            line(text, "protection.iterations", Integer.toString(iterations));
            return text.toString();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(" = ").append(value).append('\n');
    }

    private static byte[] seal(byte[] key, UUID device, String field, byte[] plaintext, SecureRandom random) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((FORMAT + " " + device + " " + field).getBytes(StandardCharsets.US_ASCII));
            byte[] body = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, NONCE + body.length);
            System.arraycopy(body, 0, out, NONCE, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] sealingKey(char[] passphrase, byte[] salt, int iterations) {
        return SecretDerivation.pbkdf2Sha256(passphrase, salt, iterations, 32);
    }
}
