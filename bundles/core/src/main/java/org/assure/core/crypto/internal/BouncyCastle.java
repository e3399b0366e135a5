package org.assure.core.crypto.internal;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one private BouncyCastle provider of this bundle. It is handed to every JCA call explicitly and never
 * registered with {@link java.security.Security}: in OSGi a global registration would leak between bundles and
 * outlive ours.
 */
public final class BouncyCastle {
    private BouncyCastle() {
    }

    /** Built on first use: constructing the provider takes a noticeable fraction of a second. */
    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
        // BC's key factory SPIs keep no state between calls, so one instance per algorithm serves all threads.
        static final KeyFactory EC = keyFactory("EC");
        static final KeyFactory RSA = keyFactory("RSA");

        private static KeyFactory keyFactory(String algorithm) {
            try {
                return KeyFactory.getInstance(algorithm, PROVIDER);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("BouncyCastle provider lacks " + algorithm, e);
            }
        }
    }

    public static Provider provider() {
        return Holder.PROVIDER;
    }

    public static KeyFactory ecKeyFactory() {
        return Holder.EC;
    }

    public static KeyFactory rsaKeyFactory() {
        return Holder.RSA;
    }
}
