package org.assure.cli.internal;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.GenerateKeyType;

/** Key pairs generated at test time, and the PEM files OpenSSL would write for them. */
final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static KeyPair ec() {
        return KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    }

    static KeyPair rsa() {
        return KeyGeneration.generate(GenerateKeyType.RSA_2048, RANDOM);
    }

    /** SubjectPublicKeyInfo as {@code PUBLIC KEY} PEM. */
    static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", Keys.encodePublic(pair.getPublic()).toByteArray());
    }

    /** Unencrypted PKCS#8 as {@code PRIVATE KEY} PEM. */
    static String privatePem(KeyPair pair) {
        byte[] der = Keys.encodePrivate(pair.getPrivate()).toByteArray();
        try {
            return pem("PRIVATE KEY", der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
