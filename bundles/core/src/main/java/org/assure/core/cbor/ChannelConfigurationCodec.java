package org.assure.core.cbor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Address;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.Uuids;

/**
 * Channel configurations, draft §10.1.6 ({@code PUT /v1/channels}):
 * {@code [local_key_id, peer_key_id, [flags...], address]}. An empty {@code peer_key_id} means "same as the local
 * key". The flags are {@code persistent_across_reboots, open_immediately, channel_management_privilege,
 * system_management_privilege, key_management_privilege}; further booleans are kept (PROFILE-ADDITIONS §3).
 */
public final class ChannelConfigurationCodec {
    private ChannelConfigurationCodec() {
    }

    public static byte[] encode(ChannelConfiguration configuration) {
        return CborWriter.encode(w -> write(w, configuration));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid channel configuration
     */
    public static ChannelConfiguration decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        ChannelConfiguration configuration = read(reader, "configuration");
        reader.expectEnd();
        return configuration;
    }

    public static void write(CborWriter w, ChannelConfiguration configuration) {
        w.startArray(4).uuid(configuration.localKeyId());
        if (configuration.peerKeyId().isPresent()) {
            w.uuid(configuration.peerKeyId().get());
        } else {
            w.bytes(new byte[0]);
        }
        ChannelFlags flags = configuration.flags();
        w.startArray(ChannelFlags.DEFINED + flags.additional().size())
                .bool(flags.persistent())
                .bool(flags.openImmediately())
                .bool(flags.channelManagement())
                .bool(flags.systemManagement())
                .bool(flags.keyManagement());
        for (boolean extra : flags.additional()) {
            w.bool(extra);
        }
        w.endArray();
        AddressCodec.write(w, configuration.address());
        w.endArray();
    }

    public static ChannelConfiguration read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 4, 4);
        UUID local = r.readUuid("local_key_id");
        byte[] peer = r.readBytes("peer_key_id", 0, Uuids.LENGTH);
        if (peer.length != 0 && peer.length != Uuids.LENGTH) {
            throw r.error("peer_key_id", "expected 0 or 16 bytes");
        }
        Optional<UUID> peerKeyId = peer.length == 0 ? Optional.empty() : Optional.of(Uuids.fromBytes(peer));
        ChannelFlags flags = readFlags(r, "flags");
        Address address = AddressCodec.read(r, "address");
        r.endArray();
        return new ChannelConfiguration(local, peerKeyId, flags, address);
    }

    private static ChannelFlags readFlags(CborReader r, String field) throws CborDecodeException {
        int count = r.readArrayStart(field, ChannelFlags.DEFINED, Limits.CHANNEL_FLAGS);
        boolean persistent = r.readBoolean("persistent_across_reboots");
        boolean openImmediately = r.readBoolean("open_immediately");
        boolean channelManagement = r.readBoolean("channel_management_privilege");
        boolean systemManagement = r.readBoolean("system_management_privilege");
        boolean keyManagement = r.readBoolean("key_management_privilege");
        List<Boolean> additional = new ArrayList<>(count - ChannelFlags.DEFINED);
        for (int i = ChannelFlags.DEFINED; i < count; i++) {
            additional.add(r.readBoolean("[" + i + "]"));
        }
        r.endArray();
        return new ChannelFlags(persistent, openImmediately, channelManagement, systemManagement, keyManagement,
                additional);
    }
}
