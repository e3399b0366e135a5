package org.assure.core.cbor;

import java.util.OptionalInt;
import org.assure.core.model.Address;
import org.assure.core.model.AddressType;
import org.assure.core.model.BacnetAddress;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.Bytes;
import org.assure.core.model.IpAddress;

/**
 * Peer addresses, draft §12 and PROFILE §2/§7: {@code [0, net or null, addr]} (BACnet),
 * {@code [1, remote_addr, local_port, remote_port]} (IP, 4 or 16 address bytes) and {@code [2, mac]}
 * (Bluetooth, 6 bytes). Unknown address types are rejected.
 */
public final class AddressCodec {
    /** Highest BACnet network number; 65535 is the global broadcast, never a peer's network. */
    private static final int MAX_BACNET_NETWORK = 65534;
    private static final int MAX_PORT = 65535;

    private AddressCodec() {
    }

    public static byte[] encode(Address address) {
        return CborWriter.encode(w -> write(w, address));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid address
     */
    public static Address decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        Address address = read(reader, "address");
        reader.expectEnd();
        return address;
    }

    public static void write(CborWriter w, Address address) {
        if (address instanceof BacnetAddress bacnet) {
            w.startArray(3).integer(AddressType.BACNET.code());
            if (bacnet.network().isPresent()) {
                w.integer(bacnet.network().getAsInt());
            } else {
                w.nullValue();
            }
            w.bytes(bacnet.mac()).endArray();
        } else if (address instanceof IpAddress ip) {
            w.startArray(4).integer(AddressType.IP.code()).bytes(ip.remoteAddress()).integer(ip.localPort())
                    .integer(ip.remotePort()).endArray();
        } else {
            w.startArray(2).integer(AddressType.BLUETOOTH.code()).bytes(((BluetoothAddress) address).mac()).endArray();
        }
    }

    public static Address read(CborReader r, String field) throws CborDecodeException {
        int items = r.readArrayStart(field, 2, 4);
        AddressType type = Codecs.enumValue(r, "address_type", AddressType::fromCode);
        int expected = switch (type) {
            case BACNET -> 3;
            case IP -> 4;
            case BLUETOOTH -> 2;
        };
        if (items != expected) {
            throw r.error("", "a " + type.label() + " address has " + expected + " items, got " + items);
        }
        Address address = switch (type) {
            case BACNET -> {
                OptionalInt net = r.readNullIfPresent("net") ? OptionalInt.empty()
                        : OptionalInt.of((int) r.readUnsigned("net", 1, MAX_BACNET_NETWORK));
                Bytes mac = r.readByteString("addr", 1, BacnetAddress.MAX_MAC_LENGTH);
                yield new BacnetAddress(net, mac);
            }
            case IP -> {
                Bytes remote = r.readByteString("remote_addr", 4, 16);
                if (remote.length() != 4 && remote.length() != 16) {
                    throw r.error("remote_addr", "expected 4 or 16 bytes");
                }
                int localPort = (int) r.readUnsigned("local_port", 0, MAX_PORT);
                int remotePort = (int) r.readUnsigned("remote_port", 1, MAX_PORT);
                yield new IpAddress(remote, localPort, remotePort);
            }
            case BLUETOOTH -> new BluetoothAddress(r.readByteString("mac", 6, 6));
        };
        r.endArray();
        return address;
    }
}
