package org.assure.cli.internal;

import java.util.List;
import org.assure.core.model.Address;
import org.assure.core.model.BacnetAddress;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelFrame;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelStatus;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GatewayChannelGrant;
import org.assure.core.model.IpAddress;

/** Trees for the Device Management API structures of draft §10 and the addresses of §12. */
final class ChannelRenderer {
    private ChannelRenderer() {
    }

    static Tree channelInfo(ChannelInfo info) {
        Tree tree = Tree.root("channel information (draft §10.1.11)");
        tree.attach("configuration", channelConfiguration(info.configuration()));
        tree.attach("status", channelStatus(info.status()));
        return tree;
    }

    /** The answer to GET /v1/channels (draft §10.1.12). */
    static Tree channelList(List<ChannelInfo> channels) {
        Tree tree = Tree.root("channel list (draft §10.1.12)");
        Tree list = tree.node("channels", KeyRenderer.count(channels.size()));
        for (int i = 0; i < channels.size(); i++) {
            list.attach("[" + i + "]", channelInfo(channels.get(i)));
        }
        return tree;
    }

    static Tree channelConfiguration(ChannelConfiguration configuration) {
        Tree tree = Tree.root("channel configuration (draft §10.1.6)");
        tree.field("local_key_id", configuration.localKeyId());
        tree.field("peer_key_id", configuration.peerKeyId().map(Object::toString).orElse("(empty: same as local_key_id)"));
        ChannelFlags flags = configuration.flags();
        Tree flagTree = tree.node("flags");
        flagTree.field("persistent_across_reboots", flags.persistent());
        flagTree.field("open_immediately", flags.openImmediately());
        flagTree.field("channel_management_privilege", flags.channelManagement());
        flagTree.field("system_management_privilege", flags.systemManagement());
        flagTree.field("key_management_privilege", flags.keyManagement());
        for (int i = 0; i < flags.additional().size(); i++) {
            flagTree.field("additional[" + i + "]", flags.additional().get(i));
        }
        tree.attach("address", address(configuration.address()));
        return tree;
    }

    static Tree channelStatus(ChannelStatus status) {
        Tree tree = Tree.root("channel status (draft §10.1.11)");
        tree.field("channel_id", status.channelId());
        tree.field("state", Values.registry(status.state().code(), status.state().label()));
        for (int i = 0; i < status.additional().size(); i++) {
            tree.field("additional[" + i + "]", status.additional().get(i));
        }
        return tree;
    }

    static Tree address(Address address) {
        Tree tree = Tree.root("address (draft §12)");
        tree.field("address_type", Values.registry(address.type().code(), address.type().label()));
        if (address instanceof BacnetAddress bacnet) {
            tree.field("net", bacnet.network().isPresent() ? Integer.toString(bacnet.network().getAsInt()) : "null (local network)");
            tree.field("addr", Values.bytes(bacnet.mac()));
        } else if (address instanceof IpAddress ip) {
            tree.field("remote_addr", ip.inetAddress().getHostAddress());
            tree.field("local_port", ip.localPort() == 0 ? "0 (any)" : Integer.toString(ip.localPort()));
            tree.field("remote_port", ip.remotePort());
        } else {
            tree.field("mac", mac(((BluetoothAddress) address).mac().toByteArray()));
        }
        return tree;
    }

    static Tree deviceInfo(DeviceInfo info) {
        return deviceInfo(info, "device information (draft §10.1.17)");
    }

    /** The same fields, under {@code title} (the JSON form of §11.2.4 carries them too). */
    static Tree deviceInfo(DeviceInfo info, String title) {
        Tree tree = Tree.root(title);
        tree.field("device_id", info.deviceId());
        tree.field("device_mac_address", info.macAddress().isEmpty() ? "(empty)" : mac(info.macAddress().toByteArray()));
        tree.field("device_manufacturer", quoted(info.manufacturer()));
        tree.field("device_product_code", quoted(info.productCode()));
        tree.field("device_serial_number", quoted(info.serialNumber()));
        tree.field("device_build_date", quoted(info.buildDate()));
        tree.field("software_manufacturer", quoted(info.softwareManufacturer()));
        tree.field("software_product_code", quoted(info.softwareProductCode()));
        tree.field("software_version", quoted(info.softwareVersion()));
        return tree;
    }

    static Tree gatewayChannelGrant(GatewayChannelGrant grant) {
        Tree tree = Tree.root("gateway channel grant (draft §12.1.1.2, CBOR sequence)");
        tree.field("channel_id", grant.channelId());
        tree.field("token", Values.bytes(grant.token()));
        return tree;
    }

    static Tree channelFrame(ChannelFrame frame) {
        Tree tree = Tree.root("secure channel message (draft §12.1.2, CBOR sequence)");
        tree.field("channel_id", frame.channelId());
        tree.field("dtls_data", Values.bytes(frame.dtlsData()));
        return tree;
    }

    /** Colon-separated hex, the way MAC addresses are written. */
    static String mac(byte[] mac) {
        StringBuilder text = new StringBuilder();
        for (byte b : mac) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }

    /** Texts in quotes, with control characters escaped so that a hostile field cannot fake tree lines. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
