package org.assure.itests.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.crypto.CryptoException;
import org.assure.core.model.IdentityClass;
import org.assure.core.trust.AuthenticatedKeyValidator;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.ValidationException;
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
 * Importing one key: decode an authenticated EC P-256 management key from its bytes and run the draft's five
 * checks (§7.4) against a device trusting only the EC P-256 Trusted Authority key that signed it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
public class AuthenticatedKeyBenchmark {

    /** The encoded key and the device's trust anchors, made once per trial. */
    @State(Scope.Benchmark)
    public static class SignedKey {
        byte[] encoded;
        TrustedKeys trusted;

        @Setup(Level.Trial)
        public void setUp() throws CryptoException {
            Identity ta = Identity.ec(IdentityClass.TRUSTED_AUTHORITY);
            Identity mgmt = Identity.ec(IdentityClass.MANAGEMENT_SYSTEM);
            encoded = AuthenticatedKeyCodec.encode(mgmt.authenticatedBy(ta.signer()));
            trusted = TrustedKeys.of(List.of(ta.publicAnchor()));
        }
    }

    @Benchmark
    public TrustedKey decodeAndValidate(SignedKey key) throws CborDecodeException, ValidationException {
        return AuthenticatedKeyValidator.withoutTrustedTime().validate(AuthenticatedKeyCodec.decode(key.encoded),
                key.trusted);
    }
}
