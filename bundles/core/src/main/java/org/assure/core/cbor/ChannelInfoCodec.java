package org.assure.core.cbor;

import java.util.ArrayList;
import java.util.List;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelState;
import org.assure.core.model.ChannelStatus;

/**
 * Channel configuration and status, draft §10.1.11 ({@code GET /v1/channels/<id>}):
 * {@code [configuration, [channel_id, state, additional status...]]}; and the array of those that
 * {@code GET /v1/channels} returns (draft §10.1.12). Additional status items are integers, kept as they are
 * (PROFILE-ADDITIONS §3). States form a closed list (PROFILE §2).
 */
public final class ChannelInfoCodec {
    private ChannelInfoCodec() {
    }

    public static byte[] encode(ChannelInfo info) {
        return CborWriter.encode(w -> write(w, info));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid channel information
     */
    public static ChannelInfo decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        ChannelInfo info = read(reader, "channel");
        reader.expectEnd();
        return info;
    }

    /** The {@code GET /v1/channels} answer; at most 1024 channels. */
    public static byte[] encodeList(List<ChannelInfo> channels) {
        return CborWriter.encode(w -> writeList(w, channels));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one array of valid channel informations
     */
    public static List<ChannelInfo> decodeList(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        List<ChannelInfo> channels = readList(reader, "channels");
        reader.expectEnd();
        return channels;
    }

    public static void write(CborWriter w, ChannelInfo info) {
        w.startArray(2);
        ChannelConfigurationCodec.write(w, info.configuration());
        writeStatus(w, info.status());
        w.endArray();
    }

    public static ChannelInfo read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 2, 2);
        ChannelConfiguration configuration = ChannelConfigurationCodec.read(r, "configuration");
        ChannelStatus status = readStatus(r, "status");
        r.endArray();
        return new ChannelInfo(configuration, status);
    }

    /**
     * @throws IllegalArgumentException if there are more channels than a decoder accepts
     */
    public static void writeList(CborWriter w, List<ChannelInfo> channels) {
        if (channels.size() > Limits.LIST_ENTRIES) {
            throw new IllegalArgumentException("more than " + Limits.LIST_ENTRIES + " channels");
        }
        w.startArray(channels.size());
        for (ChannelInfo info : channels) {
            write(w, info);
        }
        w.endArray();
    }

    public static List<ChannelInfo> readList(CborReader r, String field) throws CborDecodeException {
        int count = r.readArrayStart(field, 0, Limits.LIST_ENTRIES);
        List<ChannelInfo> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            channels.add(read(r, "[" + i + "]"));
        }
        r.endArray();
        return List.copyOf(channels);
    }

    static void writeStatus(CborWriter w, ChannelStatus status) {
        w.startArray(2 + status.additional().size()).integer(status.channelId()).integer(status.state().code());
        for (long extra : status.additional()) {
            w.integer(extra);
        }
        w.endArray();
    }

    static ChannelStatus readStatus(CborReader r, String field) throws CborDecodeException {
        int count = r.readArrayStart(field, 2, 2 + Limits.CHANNEL_STATUS_EXTRA);
        long channelId = ChannelIdCodec.read(r, "channel_id");
        ChannelState state = Codecs.enumValue(r, "state", ChannelState::fromCode);
        List<Long> additional = new ArrayList<>(count - 2);
        for (int i = 2; i < count; i++) {
            additional.add(r.readInteger("[" + i + "]", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        r.endArray();
        return new ChannelStatus(channelId, state, additional);
    }
}
