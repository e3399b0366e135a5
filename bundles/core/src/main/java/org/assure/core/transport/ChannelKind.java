package org.assure.core.transport;

/**
 * The logical traffic groups a transport separates (draft §12.1: BACnet message types 0x80–0x82; §12.2 and
 * PROFILE §7: UDP 5684 for management, 5685 for data).
 */
public enum ChannelKind {
    /** Secure management channels (Device Management API): UDP 5684, BACnet 0x81. */
    MANAGEMENT,
    /** Secure data channels and the DTLS session to the bootstrap server: UDP 5685, BACnet 0x82. */
    DATA
}
