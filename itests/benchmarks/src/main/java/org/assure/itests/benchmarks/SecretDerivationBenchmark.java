package org.assure.itests.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One derivation of PROFILE §4: PBKDF2-HMAC-SHA256, {@value SecretDerivation#DEFAULT_ITERATIONS} iterations,
 * {@value #LENGTH}-byte output, through {@link SecretDerivation#derive}. The peer is the JDK's own
 * {@code PBKDF2WithHmacSHA256}. The JDK takes the password as {@code char[]} and encodes it as UTF-8, so the
 * password here is ASCII: both then compute over the same bytes, and the XOR mask is zero, so both return the same
 * output.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
public class SecretDerivationBenchmark {
    static final int LENGTH = 32;
    static final int ITERATIONS = SecretDerivation.DEFAULT_ITERATIONS;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** A random ASCII password (as bytes and as chars), a random salt, made once per trial. */
    @State(Scope.Benchmark)
    public static class Material {
        SecretBytes password;
        char[] passwordChars;
        Bytes salt;
        Bytes zeroMask;
        SecretKeyFactory jdk;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            passwordChars = new char[32];
            for (int i = 0; i < passwordChars.length; i++) {
                passwordChars[i] = ALPHABET.charAt(Identity.RANDOM.nextInt(ALPHABET.length()));
            }
            password = SecretBytes.wrap(new String(passwordChars).getBytes(StandardCharsets.US_ASCII));
            byte[] saltBytes = new byte[16];
            Identity.RANDOM.nextBytes(saltBytes);
            salt = Bytes.of(saltBytes);
            zeroMask = Bytes.of(new byte[LENGTH]);
            jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        }
    }

    @Benchmark
    public SecretBytes derive(Material material) throws CryptoException {
        return SecretDerivation.derive(material.password, material.salt, ITERATIONS, material.zeroMask);
    }

    /** The peer: the same computation by the JDK's provider. */
    @Benchmark
    public byte[] jdkPbkdf2(Material material) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(material.passwordChars, material.salt.toByteArray(), ITERATIONS, LENGTH * 8);
        try {
            return material.jdk.generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }
}
