package org.assure.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assure.core.model.GenerateKeyType;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.TrustedTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers never see half a transaction while writers commit from several threads. */
class ConcurrentAccessTest {
    @TempDir
    Path dir;

    @Test
    void given_writers_in_parallel_when_readers_look_then_each_transaction_appears_whole() throws Exception {
        TestKeys keys = new TestKeys();
        FileKeystore store = FileKeystore.open(dir, keys.anchors(), 64, Optional.empty(), () -> TrustedTime.NONE,
                TestKeys.RANDOM, Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(1);
        try {
            // Each transaction adds two keys; a reader must always see an even number of them.
            List<Future<?>> writers = List.of(pool.submit(() -> write(store, 6)), pool.submit(() -> write(store, 6)));
            Future<?> reader = pool.submit(() -> {
                started.countDown();
                while (writing.get()) {
                    List<KeyInfo> seen = store.keys();
                    if ((seen.size() - 2) % 2 != 0 || store.keyList().size() % 2 != 0) {
                        problems.add("odd key count " + seen.size());
                    }
                }
                return null;
            });
            started.await();
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        assertThat(store.size()).isEqualTo(24);
        assertThat(FileKeystore.open(dir, keys.anchors(), 64, Optional.empty(), () -> TrustedTime.NONE, TestKeys.RANDOM,
                Duration.ofSeconds(1)).size()).isEqualTo(24);
    }

    private static Void write(FileKeystore store, int transactions) throws Exception {
        for (int i = 0; i < transactions; i++) {
            try (KeystoreTransaction tx = store.begin()) {
                tx.generateKey(GenerateKeyType.EC_P256, true);
                tx.generateKey(GenerateKeyType.EC_P256, true);
                tx.commit();
            }
        }
        return null;
    }
}
