package org.assure.core.crypto.internal;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** Lightweight digests by their JCA name; only the SHA-2 family the profile uses. */
public final class Digests {
    private Digests() {
    }

    /**
     * @throws IllegalArgumentException for any name but SHA-256, SHA-384, SHA-512
     */
    public static Digest create(String name) {
        return switch (name) {
            case "SHA-256" -> new SHA256Digest();
            case "SHA-384" -> new SHA384Digest();
            case "SHA-512" -> new SHA512Digest();
            default -> throw new IllegalArgumentException("unsupported digest " + name);
        };
    }

    public static byte[] digest(String name, byte[] input) {
        Digest digest = create(name);
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
