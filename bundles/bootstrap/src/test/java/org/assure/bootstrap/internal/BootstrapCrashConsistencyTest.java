package org.assure.bootstrap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagedChannel;
import org.assure.channels.internal.BootstrapTestChannels;
import org.assure.itests.support.Announcements;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.Keystore;
import org.assure.keystore.internal.BootstrapTestKeystores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM ({@link CrashApplier}) with SIGKILL at random points while it applies bootstrap images to the real
 * keystore and channel component, then opens both like a restarted gateway: they must always open and show the
 * state before or after the image in flight — owner sequence, channel keys and channels together, never a mix (each
 * image has a higher owner sequence, so it replaces the previous image's channel key and channel) —
 * and the next trial goes on from there. {@code -Dbootstrap.crash.trials=N} sets the number of trials (12 by
 * default, each starts a JVM; 200 or more for the full run of issue 4); {@code -Dbootstrap.crash.seed=S} replays
 * the kill delays of a run.
 */
class BootstrapCrashConsistencyTest {
    private static final int TRIALS = Integer.getInteger("bootstrap.crash.trials", 12);
    private static final long SEED = Long.getLong("bootstrap.crash.seed", System.nanoTime());
    /** Up to about one apply on a loaded 2-core machine, so that kills land before, during and after applies. */
    private static final int MAX_DELAY_MS = 1000;
    /** Images one gateway takes before the test moves to a fresh one: under the keystore's and channels' capacity. */
    private static final long IMAGES_PER_GATEWAY = 40;

    @TempDir
    Path dir;

    @Test
    void given_random_kills_during_bootstrap_apply_then_keys_channels_and_owner_sequence_are_before_or_after()
            throws Exception {
        CrashWorld world = CrashWorld.generate();
        Path worldFile = dir.resolve("world.txt");
        world.write(worldFile);
        int gateway = 0;
        Path data = dir.resolve("gateway-0");
        Files.createDirectories(data);
        long applied = 0;
        Random random = new Random(SEED);
        int inFlight = 0;
        int after = 0;
        long last = 0;
        // Where a kill lands is random: extra trials (up to three times the number asked for) make sure enough of
        // them land during an apply, instead of a run that proves little failing, or passing, by chance.
        int trial = 0;
        for (; trial < TRIALS || (inFlight <= TRIALS / 5 && trial < 3 * TRIALS); trial++) {
            if (last >= IMAGES_PER_GATEWAY) {
                // Each image adds a key and a channel; a fresh gateway keeps both under capacity.
                applied += last;
                last = 0;
                data = dir.resolve("gateway-" + ++gateway);
                Files.createDirectories(data);
            }
            Process process = start(data, worldFile);
            AtomicLong begun = new AtomicLong(-1);
            AtomicLong done = new AtomicLong(-1);
            CountDownLatch ready = new CountDownLatch(1);
            List<String> other = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> Announcements.read(process, begun, done, ready, other), "crash-reader");
            reader.start();
            if (!ready.await(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("applier did not start: " + Files.readString(data.resolve("applier.err")));
            }
            // The delay is what the test is about: where in the apply the kill lands.
            Thread.sleep(random.nextInt(MAX_DELAY_MS + 1));
            if (!process.isAlive()) {
                throw new AssertionError("applier died by itself: " + Files.readString(data.resolve("applier.err")));
            }
            // SIGKILL through the handle, keeping our end of its stdout open to read the last announcements.
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("applier killed").isTrue();
            reader.join(60_000);
            assertThat(reader.isAlive()).as("applier output read to the end").isFalse();

            String context = "trial " + trial + " seed " + SEED + " begun " + begun.get() + " done " + done.get()
                    + " other output " + other;
            long seen = verify(data, world, context);
            if (begun.get() > done.get()) {
                inFlight++;
                assertThat(seen).as(context).isIn(done.get(), begun.get());
                if (seen == begun.get()) {
                    after++;
                }
            } else {
                assertThat(seen).as(context).isEqualTo(done.get());
            }
            assertThat(seen).as("never goes back: " + context).isGreaterThanOrEqualTo(last);
            last = seen;
        }
        // The kills must really land during an apply, or the test would prove nothing.
        assertThat(inFlight).as("kills during an apply (seed %d)", SEED).isGreaterThan(TRIALS / 5);
        System.out.printf("bootstrap crash consistency: %d trials, %d kills during an apply (%d found after it, %d"
                + " before), %d images applied, seed %d%n", trial, inFlight, after, inFlight - after, applied + last,
                SEED);
    }

    /** Opens keystore and channels as a restarted gateway does and checks they agree on one owner sequence. */
    private static long verify(Path data, CrashWorld world, String context) throws Exception {
        Keystore keystore = BootstrapTestKeystores.open(data.resolve("keystore"), world.deviceId,
                world.deviceAnchor(), world.trustedAuthorityAnchor(), 1);
        ChannelManager channels = BootstrapTestChannels.open(keystore);
        try {
            long sequence = keystore.ownerSequence();
            // Every image has a higher owner sequence than the one before, so each is a new owner's and replaces
            // all earlier keys and channels (docs/PROFILE-ADDITIONS.md item 41): only image n's remain.
            Set<UUID> expected = LongStream.rangeClosed(sequence, sequence).filter(n -> n > 0)
                    .mapToObj(CrashWorld::channelKeyId).collect(Collectors.toSet());
            Set<UUID> channelKeys = keystore.keys().stream().map(KeyInfo::keyId)
                    .filter(id -> !id.equals(world.device.keyId()) && !id.equals(world.trustedAuthority.keyId())
                            && !id.equals(world.management.keyId()) && !id.equals(world.server.keyId()))
                    .collect(Collectors.toSet());
            assertThat(channelKeys).as("channel keys, " + context).isEqualTo(expected);
            assertThat(channels.channels()).as("channels, " + context).allSatisfy(c -> assertThat(c.persistent())
                    .isTrue());
            assertThat(channels.channels().stream().map(ManagedChannel::configuration)
                    .map(c -> c.localKeyId()).collect(Collectors.toSet())).as("channels, " + context)
                    .isEqualTo(expected);
            assertThat(channels.channels()).as("only the last image's channel, " + context)
                    .hasSize(sequence > 0 ? 1 : 0);
            if (sequence > 0) {
                assertThat(keystore.key(world.management.keyId())).as("header keys, " + context).isPresent();
            }
            return sequence;
        } finally {
            BootstrapTestChannels.close(channels);
            BootstrapTestKeystores.close(keystore);
        }
    }

    private static Process start(Path data, Path world) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath, CrashApplier.class.getName(),
                data.toString(), world.toString());
        builder.redirectError(data.resolve("applier.err").toFile());
        return builder.start();
    }
}
