package org.assure.kura.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.Address;
import org.assure.core.model.BacnetAddress;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.ChannelState;
import org.assure.core.model.IpAddress;
import org.eclipse.kura.message.KuraPayload;

/**
 * Writes a channel as Kura metrics under a prefix (docs/kura-events.md). Only public facts: ids, state, flags, the
 * peer's address and the UUIDs of the keys (a key id names a key, it reveals nothing of it).
 */
final class ChannelMetrics {
    static final String ID = "id";
    static final String STATE = "state";
    static final String STATE_CODE = "state.code";
    static final String ORIGIN = "origin";
    static final String PERSISTENT = "persistent";
    static final String OPEN_IMMEDIATELY = "open.immediately";
    static final String KEY_MANAGEMENT = "privilege.key.management";
    static final String CHANNEL_MANAGEMENT = "privilege.channel.management";
    static final String SYSTEM_MANAGEMENT = "privilege.system.management";
    static final String LOCAL_KEY_ID = "local.key.id";
    static final String PEER_KEY_ID = "peer.key.id";
    static final String ADDRESS_TYPE = "address.type";
    static final String ADDRESS = "address";
    static final String ADDRESS_LOCAL_PORT = "address.local.port";

    private ChannelMetrics() {
    }

    /** Adds the channel's metrics, each named {@code prefix + field}. */
    static void add(KuraPayload payload, String prefix, ManagedChannel channel) {
        payload.addMetric(prefix + ID, channel.id());
        addState(payload, prefix, channel.state());
        payload.addMetric(prefix + ORIGIN, channel.origin().name());
        payload.addMetric(prefix + PERSISTENT, channel.persistent());
        payload.addMetric(prefix + OPEN_IMMEDIATELY, channel.configuration().flags().openImmediately());
        payload.addMetric(prefix + KEY_MANAGEMENT, channel.privileges().contains(ChannelPrivilege.KEY_MANAGEMENT));
        payload.addMetric(prefix + CHANNEL_MANAGEMENT,
                channel.privileges().contains(ChannelPrivilege.CHANNEL_MANAGEMENT));
        payload.addMetric(prefix + SYSTEM_MANAGEMENT,
                channel.privileges().contains(ChannelPrivilege.SYSTEM_MANAGEMENT));
        payload.addMetric(prefix + LOCAL_KEY_ID, channel.configuration().localKeyId().toString());
        payload.addMetric(prefix + PEER_KEY_ID, channel.configuration().effectivePeerKeyId().toString());
        Address address = channel.configuration().address();
        payload.addMetric(prefix + ADDRESS_TYPE, address.type().name());
        payload.addMetric(prefix + ADDRESS, describe(address));
        if (address instanceof IpAddress ip) {
            payload.addMetric(prefix + ADDRESS_LOCAL_PORT, ip.localPort());
        }
    }

    /** Adds {@code prefix + "state"} (the enum name) and {@code prefix + "state.code"} (the draft's number). */
    static void addState(KuraPayload payload, String prefix, ChannelState state) {
        payload.addMetric(prefix + STATE, state.name());
        payload.addMetric(prefix + STATE_CODE, state.code());
    }

    /**
     * The peer's address as text: IP {@code 192.0.2.1:5684} or {@code [2001:db8::1]:5684}; BACnet
     * {@code <net>/<mac hex>} with {@code local} for a local network; Bluetooth the MAC as {@code AA:BB:CC:DD:EE:FF}.
     */
    static String describe(Address address) {
        if (address instanceof IpAddress ip) {
            InetAddress inet = ip.inetAddress();
            String host = inet instanceof Inet6Address ? "[" + inet.getHostAddress() + "]" : inet.getHostAddress();
            return host + ":" + ip.remotePort();
        }
        if (address instanceof BacnetAddress bacnet) {
            String net = bacnet.network().isPresent() ? Integer.toString(bacnet.network().getAsInt()) : "local";
            return net + "/" + bacnet.mac().toHex();
        }
        BluetoothAddress bluetooth = (BluetoothAddress) address;
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bluetooth.mac().toByteArray());
    }
}
