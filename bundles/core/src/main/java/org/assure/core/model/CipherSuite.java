package org.assure.core.model;

/** Cipher suite registry, draft §7.8 and PROFILE §2. */
public enum CipherSuite {
    AES_128_CBC(0, Mode.CBC, 16),
    AES_192_CBC(1, Mode.CBC, 24),
    AES_256_CBC(2, Mode.CBC, 32),
    AES_128_CCM(3, Mode.CCM, 16),
    AES_192_CCM(4, Mode.CCM, 24),
    AES_256_CCM(5, Mode.CCM, 32),
    AES_128_GCM(6, Mode.GCM, 16),
    AES_192_GCM(7, Mode.GCM, 24),
    AES_256_GCM(8, Mode.GCM, 32);

    /** Block cipher mode; PROFILE §4 fixes IV and tag sizes per mode. */
    public enum Mode {
        /** PKCS#7 padding, 16-byte IV, empty tag. */
        CBC(16, 0),
        /** 12-byte nonce, 16-byte tag. */
        CCM(12, 16),
        /** 12-byte IV, 16-byte tag. */
        GCM(12, 16);

        private final int ivLength;
        private final int tagLength;

        Mode(int ivLength, int tagLength) {
            this.ivLength = ivLength;
            this.tagLength = tagLength;
        }

        public int ivLength() {
            return ivLength;
        }

        public int tagLength() {
            return tagLength;
        }
    }

    private final int code;
    private final Mode mode;
    private final int keyLength;

    CipherSuite(int code, Mode mode, int keyLength) {
        this.code = code;
        this.mode = mode;
        this.keyLength = keyLength;
    }

    public int code() {
        return code;
    }

    public Mode mode() {
        return mode;
    }

    /** AES key length in bytes (16, 24 or 32). */
    public int keyLength() {
        return keyLength;
    }

    /** For example {@code AES-128-GCM}. */
    public String label() {
        return "AES-" + keyLength * 8 + "-" + mode;
    }

    /**
     * @throws IllegalArgumentException if the registry has no such value
     */
    public static CipherSuite fromCode(long code) {
        for (CipherSuite value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown CipherSuite " + code);
    }
}
