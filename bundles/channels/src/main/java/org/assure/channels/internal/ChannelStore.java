package org.assure.channels.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagedChannel;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.CborReader;
import org.assure.core.cbor.CborWriter;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelState;
import org.assure.core.model.ChannelStatus;
import org.assure.keystore.KeyOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent channel definitions in one file, {@code channels.cbor}: the CBOR array
 * {@code [1, next_id, [[id, origin, configuration], ...]]} (origin 0 bootstrap, 1 management, 2 local). Writes
 * are crash-safe: the new content goes to a sibling file, is synced, then atomically renamed over the old one and
 * the directory is synced, so a crash leaves either the old or the new file, never a mix. A staging writes its
 * prepared state to {@code channels.cbor.staged}; its commit is that file's rename.
 */
public final class ChannelStore implements ChannelPersistence {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelStore.class);

    /** What the store holds. */
    public record Content(long nextId, List<ManagedChannel> channels) {
        public Content {
            channels = List.copyOf(channels);
            if (nextId < 0 || nextId > ChannelStatus.MAX_CHANNEL_ID + 1) {
                throw new IllegalArgumentException("next id out of range");
            }
        }
    }

    static final String FILE = "channels.cbor";
    private static final int FORMAT = 1;
    private static final int MAX_CHANNELS = 1024;

    private final Path directory;
    private final Path file;
    private final Path fresh;
    private final Path staged;

    public ChannelStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.file = directory.resolve(FILE);
        this.fresh = directory.resolve(FILE + ".new");
        this.staged = directory.resolve(FILE + ".staged");
    }

    /**
     * Loads the store, removing leftovers of interrupted writes (they never became current). Channels come back
     * {@link ChannelState#CLOSED}.
     *
     * @throws IOException if the file cannot be read or is corrupt (the caller must not overwrite it silently)
     */
    @Override
    public Content load() throws IOException {
        Files.createDirectories(directory);
        Files.deleteIfExists(fresh);
        Files.deleteIfExists(staged);
        if (!Files.exists(file)) {
            return new Content(1, List.of());
        }
        try {
            return decode(Files.readAllBytes(file));
        } catch (CborDecodeException | IllegalArgumentException e) {
            throw new IOException("channel store " + file + " is corrupt at " + describe(e), e);
        }
    }

    /** Replaces the store's content with {@code content} (only persistent channels are written). */
    @Override
    public void write(Content content) throws IOException {
        writeSynced(fresh, encode(content));
        replace(fresh, file);
    }

    /**
     * Writes {@code content} as the staged state next to the current one, leaving that untouched. The file store
     * cannot join the keystore transaction: its commit is the rename in {@link #commitStaged()}.
     */
    @Override
    public void stage(Content content, KeyOperations keystoreTransaction) throws IOException {
        writeStaged(content);
    }

    /** Writes {@code content} as the staged state, leaving the current state untouched. */
    public void writeStaged(Content content) throws IOException {
        writeSynced(staged, encode(content));
    }

    /** Makes the staged state current. */
    @Override
    public void commitStaged() throws IOException {
        replace(staged, file);
    }

    /** Drops the staged state. */
    @Override
    public void discardStaged() throws IOException {
        Files.deleteIfExists(staged);
    }

    public static byte[] encode(Content content) {
        List<ManagedChannel> persistent = content.channels().stream().filter(ManagedChannel::persistent).toList();
        return CborWriter.encode(w -> {
            w.startArray(3).integer(FORMAT).integer(content.nextId()).startArray(persistent.size());
            for (ManagedChannel channel : persistent) {
                w.startArray(3).integer(channel.id()).integer(channel.origin().ordinal());
                ChannelConfigurationCodec.write(w, channel.configuration());
                w.endArray();
            }
            w.endArray().endArray();
        });
    }

    public static Content decode(byte[] data) throws CborDecodeException {
        CborReader r = CborReader.of(data);
        r.readArrayStart("store", 3, 3);
        r.readUnsigned("format", FORMAT, FORMAT);
        long nextId = r.readUnsigned("next_id", 0, ChannelStatus.MAX_CHANNEL_ID + 1);
        int count = r.readArrayStart("channels", 0, MAX_CHANNELS);
        List<ManagedChannel> channels = new ArrayList<>(count);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            r.readArrayStart("channel", 3, 3);
            long id = r.readUnsigned("id", 0, ChannelStatus.MAX_CHANNEL_ID);
            int origin = (int) r.readUnsigned("origin", 0, ChannelOrigin.values().length - 1);
            ChannelConfiguration configuration = ChannelConfigurationCodec.read(r, "configuration");
            r.endArray();
            if (!ids.add(id)) {
                throw r.error("id", "duplicate channel id");
            }
            channels.add(new ManagedChannel(id, configuration, ChannelState.CLOSED, ChannelOrigin.values()[origin]));
        }
        r.endArray();
        r.endArray();
        r.expectEnd();
        return new Content(nextId, channels);
    }

    private static String describe(Exception e) {
        return e instanceof CborDecodeException decode ? decode.path() : "content";
    }

    private static void writeSynced(Path target, byte[] data) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // never fall back to a non-atomic copy: a crash in the middle would corrupt the store
            throw new IOException("file system cannot rename atomically: " + directory, e);
        }
        syncDirectory();
    }

    private void syncDirectory() {
        // makes the rename durable; not every platform can open a directory, and there the rename is all we have
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("cannot sync directory {}", directory, e);
        }
    }
}
