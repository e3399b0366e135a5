package org.assure.itests.benchmarks;

import java.util.concurrent.TimeUnit;
import org.assure.core.bootstrap.BootstrapException;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.crypto.CryptoException;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.GenerateKeyType;
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
 * Opening a {@value ImageScenario#KEYS}-key bootstrap image from its bytes with every check of PROFILE §5
 * (decode, owner signature, each key's validation, image signature, decryption, payload decode), for the three
 * kinds of device. Goal: the EC image opens in at most 20 ms.
 *
 * <p>One more warmup and measurement iteration than the other benchmarks: an operation takes milliseconds, so an
 * iteration holds few of them, and BouncyCastle's curve arithmetic needs a few seconds to be fully compiled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class BootstrapImageBenchmark {

    /** An EC P-256 device and its image. */
    @State(Scope.Benchmark)
    public static class EcDevice {
        ImageScenario scenario;

        @Setup(Level.Trial)
        public void setUp() throws CryptoException {
            scenario = ImageScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        }
    }

    /** An RSA-2048 device and its image. */
    @State(Scope.Benchmark)
    public static class RsaDevice {
        ImageScenario scenario;

        @Setup(Level.Trial)
        public void setUp() throws CryptoException {
            scenario = ImageScenario.publicKeyDevice(GenerateKeyType.RSA_2048);
        }
    }

    /** A shared-secret-only device and its HMAC-signed, AES-128-CCM-encrypted image. */
    @State(Scope.Benchmark)
    public static class SharedSecretDevice {
        ImageScenario scenario;

        @Setup(Level.Trial)
        public void setUp() throws CryptoException {
            scenario = ImageScenario.sharedSecretDevice(CipherSuite.AES_128_CCM);
        }
    }

    @Benchmark
    public OpenedImage openEc(EcDevice device) throws BootstrapException {
        return BootstrapImageOpener.open(device.scenario.image(), device.scenario.device());
    }

    @Benchmark
    public OpenedImage openRsa(RsaDevice device) throws BootstrapException {
        return BootstrapImageOpener.open(device.scenario.image(), device.scenario.device());
    }

    @Benchmark
    public OpenedImage openSharedSecret(SharedSecretDevice device) throws BootstrapException {
        return BootstrapImageOpener.open(device.scenario.image(), device.scenario.device());
    }
}
