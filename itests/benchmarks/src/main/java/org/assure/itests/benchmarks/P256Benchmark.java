package org.assure.itests.benchmarks;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.assure.dtls.internal.ec.P256;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
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
 * The four P-256 operations of an RPK handshake, on the DTLS engine's own P-256 ({@link P256}) and, as peers, on
 * BouncyCastle's lightweight API with its optimized secp256r1 arithmetic (CustomNamedCurves), which the engine used
 * before and which Scandium's BouncyCastle provider computes with. Public points are decoded from their encoding in
 * every operation, as a handshake gets them off the wire.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class P256Benchmark {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);

    /** A key pair (both encodings), a peer's public point, a hash and a signature of it, made once per trial. */
    @State(Scope.Benchmark)
    public static class Keys {
        byte[] privateKey;
        byte[] publicKey;
        byte[] peerPoint;
        byte[] hash;
        BigInteger r;
        BigInteger s;
        ECPrivateKeyParameters bcPrivate;

        @Setup(Level.Trial)
        public void setUp() {
            P256.KeyPair pair = P256.generateKeyPair(Identity.RANDOM);
            privateKey = pair.privateKey();
            publicKey = pair.publicKey();
            peerPoint = P256.generateKeyPair(Identity.RANDOM).publicKey();
            hash = new byte[32];
            Identity.RANDOM.nextBytes(hash);
            byte[] signature = P256.sign(privateKey, hash);
            r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
            s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            bcPrivate = new ECPrivateKeyParameters(new BigInteger(1, privateKey), DOMAIN);
        }
    }

    @Benchmark
    public P256.KeyPair keyGeneration() {
        return P256.generateKeyPair(Identity.RANDOM);
    }

    @Benchmark
    public byte[] agreement(Keys keys) {
        return P256.agree(keys.privateKey, keys.peerPoint);
    }

    @Benchmark
    public byte[] sign(Keys keys) {
        return P256.sign(keys.privateKey, keys.hash);
    }

    @Benchmark
    public boolean verify(Keys keys) {
        return P256.verify(keys.publicKey, keys.hash, keys.r, keys.s);
    }

    /** Peer of {@link #keyGeneration}: BouncyCastle's key pair generator. */
    @Benchmark
    public AsymmetricCipherKeyPair bcKeyGeneration() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, Identity.RANDOM));
        return generator.generateKeyPair();
    }

    /** Peer of {@link #agreement}: BouncyCastle's ECDH, the peer's point decoded from its encoding. */
    @Benchmark
    public BigInteger bcAgreement(Keys keys) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(keys.bcPrivate);
        return agreement.calculateAgreement(publicKey(keys.peerPoint));
    }

    /** Peer of {@link #sign}: BouncyCastle's ECDSA with RFC 6979 k over SHA-256 (the same signature value). */
    @Benchmark
    public BigInteger[] bcSign(Keys keys) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, keys.bcPrivate);
        return signer.generateSignature(keys.hash);
    }

    /** Peer of {@link #verify}: BouncyCastle's ECDSA verification, the public point decoded from its encoding. */
    @Benchmark
    public boolean bcVerify(Keys keys) {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, publicKey(keys.publicKey));
        return verifier.verifySignature(keys.hash, keys.r, keys.s);
    }

    private static ECPublicKeyParameters publicKey(byte[] encoded) {
        return new ECPublicKeyParameters(CURVE.getCurve().decodePoint(encoded), DOMAIN);
    }
}
