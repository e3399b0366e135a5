package org.assure.authority.internal.ta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.store.Dialect;
import org.assure.core.error.ErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 100 parallel claims and uploads, on one device and on many: no lost update, exactly one winner per device. */
class ConcurrencyTest {
    private static final int N = 100;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void parallel_uploads_claims_and_transfers_lose_no_update(Dialect dialect) throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            List<TestWorld.Owner> owners = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                owners.add(w.owner());
            }
            List<TestWorld.Device> devices = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                devices.add(i % 10 == 0 ? w.secretDevice() : w.ecDevice());
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                // 100 distinct uploads plus 100 uploads racing for one device id: one of those wins.
                TestWorld.Device contested = w.ecDevice();
                byte[] contestedUpload = contested.upload();
                List<Callable<Optional<ErrorKind>>> uploads = new ArrayList<>();
                for (TestWorld.Device d : devices) {
                    byte[] body = d.upload();
                    uploads.add(() -> outcome(() -> w.ta.uploadDevice("maker", d.id, body)));
                    uploads.add(() -> outcome(() -> w.ta.uploadDevice("maker", contested.id, contestedUpload)));
                }
                List<Optional<ErrorKind>> uploaded = run(pool, uploads);
                assertThat(uploaded.stream().filter(Optional::isEmpty)).hasSize(N + 1);
                assertThat(uploaded.stream().flatMap(Optional::stream)).hasSize(N - 1).containsOnly(ErrorKind.FORBIDDEN);

                // 100 owners race to claim the contested device: exactly one owns it, with sequence 1.
                List<Callable<Optional<ErrorKind>>> claims = new ArrayList<>();
                for (TestWorld.Owner o : owners) {
                    claims.add(() -> outcome(() -> TrustedAuthorityTest.claim(w, o, contested, contested.caseString)));
                }
                List<Optional<ErrorKind>> claimed = run(pool, claims);
                assertThat(claimed.stream().filter(Optional::isEmpty)).hasSize(1);
                TrustedAuthority.Ownership contestedOwner = w.ta.ownership(contested.id).orElseThrow();
                assertThat(contestedOwner.sequence()).isEqualTo(1);

                // Each owner claims one device while the contested device is passed along 100 times in parallel:
                // every claim lands, and every successful transfer counts once in the sequence.
                List<Callable<Optional<ErrorKind>>> mixed = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    TestWorld.Owner o = owners.get(i);
                    TestWorld.Device d = devices.get(i);
                    mixed.add(() -> outcome(() -> TrustedAuthorityTest.claim(w, o, d, d.caseString)));
                    TestWorld.Owner next = owners.get((i + 1) % N);
                    mixed.add(() -> outcome(() -> TrustedAuthorityTest.transfer(w, o, contested, next.mgmtId())));
                }
                List<Optional<ErrorKind>> results = run(pool, mixed);
                long transfers = 0;
                for (int i = 0; i < N; i++) {
                    assertThat(results.get(2 * i)).isEmpty();
                    assertThat(w.ta.ownership(devices.get(i).id).orElseThrow())
                            .isEqualTo(new TrustedAuthority.Ownership(Optional.of(owners.get(i).mgmtId()), 1));
                    transfers += results.get(2 * i + 1).isEmpty() ? 1 : 0;
                }
                assertThat(transfers).isPositive();
                assertThat(w.ta.ownership(contested.id).orElseThrow().sequence()).isEqualTo(1 + transfers);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    interface Action {
        void run() throws AuthorityException;
    }

    private static Optional<ErrorKind> outcome(Action a) {
        try {
            a.run();
            return Optional.empty();
        } catch (AuthorityException e) {
            return Optional.of(e.kind());
        }
    }

    private static <T> List<T> run(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> out = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks)) {
            out.add(f.get());
        }
        return out;
    }
}
