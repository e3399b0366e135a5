package org.assure.itests.benchmarks;

import java.security.KeyPair;
import java.util.concurrent.TimeUnit;
import org.assure.core.crypto.EcSignatureValue;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Signatures;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Making and checking one signature value of draft §7.3 per signature format, over a {@value #INPUT_LENGTH}-byte
 * input: about the signing input of an authenticated key (an authenticated RSA-2048 public key is ~340 bytes, an
 * EC P-256 one ~150).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
public class SignatureBenchmark {
    static final int INPUT_LENGTH = 300;

    /** The key (pair or secret) of one format, the input, and a valid signature over it, made once per trial. */
    @State(Scope.Benchmark)
    public static class Material {
        /** Every {@link SignatureCase} when none is named. */
        @Param
        public SignatureCase signature;

        byte[] input;
        KeyPair pair;
        SecretBytes secret;
        Object value;

        @Setup(Level.Trial)
        public void setUp() {
            input = new byte[INPUT_LENGTH];
            Identity.RANDOM.nextBytes(input);
            if (signature.keyType() != null) {
                pair = Identity.keyPair(signature.keyType());
            } else {
                secret = KeyGeneration.randomSecret(32, Identity.RANDOM);
            }
            value = sign();
        }

        /** An {@link EcSignatureValue}, or the {@link Bytes} of an RSA signature or an HMAC. */
        Object sign() {
            return switch (signature.format().kind()) {
                case EC -> Signatures.signEc(signature.format(), pair.getPrivate(), input);
                case RSA -> Signatures.signRsa(signature.format(), pair.getPrivate(), input);
                case HMAC -> Signatures.hmac(signature.format(), secret, input);
            };
        }

        boolean verify() {
            return switch (signature.format().kind()) {
                case EC -> {
                    EcSignatureValue ec = (EcSignatureValue) value;
                    yield Signatures.verifyEc(signature.format(), pair.getPublic(), input, ec.r(), ec.s());
                }
                case RSA -> Signatures.verifyRsa(signature.format(), pair.getPublic(), input, (Bytes) value);
                case HMAC -> Signatures.verifyHmac(signature.format(), secret, input, (Bytes) value);
            };
        }
    }

    @Benchmark
    public Object sign(Material material) {
        return material.sign();
    }

    @Benchmark
    public boolean verify(Material material) {
        return material.verify();
    }
}
