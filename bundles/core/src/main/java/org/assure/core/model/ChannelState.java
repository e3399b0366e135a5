package org.assure.core.model;

/** Channel states reported by GET /v1/channels/<id>, draft §10.1.11 and PROFILE §2. */
public enum ChannelState {
    CLOSED(0, "closed"),
    OPEN_REQUESTED(1, "open requested"),
    HANDSHAKING(2, "handshaking"),
    OPEN(3, "open"),
    CLOSING(4, "closing"),
    PEER_NO_ANSWER(10, "peer did not answer"),
    PEER_WRONG_KEY_ID(11, "peer gave wrong key id"),
    PEER_AUTHENTICATION_FAILED(12, "peer failed authentication"),
    OTHER_ERROR(13, "other error");

    private final int code;
    private final String label;

    ChannelState(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** A readable name, as the draft words it. */
    public String label() {
        return label;
    }

    /**
     * The entry for a wire value.
     *
     * @throws IllegalArgumentException if the registry has no such value
     */
    public static ChannelState fromCode(long code) {
        for (ChannelState value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown ChannelState " + code);
    }
}
