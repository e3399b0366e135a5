package org.assure.authority;

/** Which case of draft §13 a pair of devices fell into, and so which keys its data channel uses. */
public enum ChannelCase {
    /** §13.2: two EC devices use their device keys. */
    DEVICE_KEYS_EC,
    /** §13.5: two RSA devices use their device keys. */
    DEVICE_KEYS_RSA,
    /** §13.3.1: the RSA device was issued an EC key. */
    ISSUED_EC_KEY,
    /** §13.3.2: the EC device was issued an RSA key. */
    ISSUED_RSA_KEY,
    /** §13.3.3, §13.4, §13.6, §13.7: a channel key derived for both ends. */
    CHANNEL_KEY
}
