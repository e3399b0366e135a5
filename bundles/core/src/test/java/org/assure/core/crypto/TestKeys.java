package org.assure.core.crypto;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

import org.assure.core.model.GenerateKeyType;

/** Key pairs generated once per test run (RSA generation is slow); never real keys. */
final class TestKeys {
    static final SecureRandom RANDOM = new SecureRandom();

    private static final Map<GenerateKeyType, KeyPair> PAIRS = new EnumMap<>(GenerateKeyType.class);

    private TestKeys() {
    }

    static synchronized KeyPair pair(GenerateKeyType type) {
        return PAIRS.computeIfAbsent(type, t -> KeyGeneration.generate(t, RANDOM));
    }

    static KeyPair ec(EcCurve curve) {
        return pair(curve.generateKeyType());
    }

    static KeyPair rsa() {
        return pair(GenerateKeyType.RSA_2048);
    }

    /** A second, different pair of the same type, made fresh. */
    static KeyPair another(GenerateKeyType type) {
        return KeyGeneration.generate(type, RANDOM);
    }
}
