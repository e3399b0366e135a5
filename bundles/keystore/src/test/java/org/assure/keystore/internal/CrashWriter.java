package org.assure.keystore.internal;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.Uuids;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.TrustedTime;

/**
 * The process {@link CrashConsistencyTest} kills: commits to a keystore as fast as it can, forever, announcing
 * each commit on stdout ({@code BEGIN n} before, {@code DONE n} once it returned). Commit {@code n} is a single
 * blob write when {@code n % 4 == 0}, otherwise a bootstrap transaction that sets the owner sequence to {@code n},
 * generates a key, deletes the oldest beyond three, and records the expected key ids and {@code n} in blobs.
 * Arguments: data directory, factory identity file, passphrase, and optionally a number of commits after which
 * to exit.
 */
public final class CrashWriter {
    static final String SEQ = "seq";
    static final String KEYS = "keys";
    static final int KEPT_KEYS = 3;

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "US-ASCII");
        Anchors anchors = FactoryIdentityFile.load(Path.of(args[1]), args[2].toCharArray());
        FileKeystore store = FileKeystore.open(Path.of(args[0]), anchors, 16, Optional.empty(), () -> TrustedTime.NONE,
                new SecureRandom(), Duration.ofSeconds(5));
        warmUp(anchors, store);
        long n = sequence(store.blob(SEQ));
        List<UUID> ids = new ArrayList<>(keyIds(store.blob(KEYS)));
        out.println("READY " + n);
        // An optional fourth argument stops after that many commits (a clean exit, to record a class data archive).
        long stopAfter = args.length > 3 ? n + Long.parseLong(args[3]) : Long.MAX_VALUE;
        while (n < stopAfter) {
            n++;
            out.println("BEGIN " + n);
            if (n % 4 == 0) {
                store.putBlob(SEQ, encode(n));
            } else {
                try (KeystoreTransaction tx = store.beginBootstrap()) {
                    tx.setOwnerSequence(n);
                    AuthenticatedKey key = tx.generateKey(GenerateKeyType.EC_P256, true);
                    ids.add(key.keyId());
                    if (ids.size() > KEPT_KEYS) {
                        tx.deleteKey(ids.remove(0));
                    }
                    tx.putBlob(KEYS, encodeIds(ids));
                    tx.putBlob(SEQ, encode(n));
                    tx.commit();
                }
            }
            out.println("DONE " + n);
        }
    }

    /**
     * Runs a commit's code once without writing anything, so that class loading and JIT warm-up happen before
     * READY and the kills spread over whole commits instead of piling up in the first one.
     */
    private static void warmUp(Anchors anchors, FileKeystore store) throws Exception {
        SecureRandom random = new SecureRandom();
        Stage stage = new Stage(anchors, 16, store.state(), true, TrustedTime.NONE, random);
        stage.generateKey(GenerateKeyType.EC_P256, true);
        stage.putBlob(SEQ, encode(0));
        byte[] key = new byte[StoreCipher.KEY_LENGTH];
        random.nextBytes(key);
        new StoreCipher(org.assure.core.model.SecretBytes.wrap(key), StoreFile.MAGIC, random)
                .seal(StoreCodec.encode(stage.state()));
    }

    /** The owner sequence the store must show once commit {@code n} is its last: the last transaction's number. */
    static long expectedOwnerSequence(long n) {
        for (long m = n; m > 0; m--) {
            if (m % 4 != 0) {
                return m;
            }
        }
        return 0;
    }

    static long sequence(Optional<Bytes> blob) {
        return blob.map(b -> ByteBuffer.wrap(b.toByteArray()).getLong()).orElse(0L);
    }

    static List<UUID> keyIds(Optional<Bytes> blob) {
        List<UUID> ids = new ArrayList<>();
        if (blob.isPresent()) {
            byte[] bytes = blob.get().toByteArray();
            for (int i = 0; i < bytes.length; i += Uuids.LENGTH) {
                ids.add(Uuids.fromBytes(java.util.Arrays.copyOfRange(bytes, i, i + Uuids.LENGTH)));
            }
        }
        return ids;
    }

    private static Bytes encode(long n) {
        return Bytes.of(ByteBuffer.allocate(8).putLong(n).array());
    }

    private static Bytes encodeIds(List<UUID> ids) {
        ByteBuffer buffer = ByteBuffer.allocate(ids.size() * Uuids.LENGTH);
        ids.forEach(id -> buffer.put(Uuids.toBytes(id)));
        return Bytes.of(buffer.array());
    }
}
