package org.assure.keystore.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.trust.TrustedKey;
import org.assure.keystore.Keystore;
import org.assure.keystore.TrustedTime;

/**
 * Opens the keystore bundle's real file-backed keystore for the channel tests. It lives in the keystore's private
 * package only because the keystore offers no public factory yet (reported to the lead); on the test class path
 * there are no bundle boundaries.
 */
public final class TestKeystores {
    private TestKeystores() {
    }

    /**
     * A keystore in {@code dir} for device {@code deviceId} with an EC/RSA device key (with private part) and the
     * Trusted Authority's public key as anchors. Reopening the same directory with the same anchors restores it.
     */
    public static Keystore open(Path dir, UUID deviceId, AsymmetricKey deviceKey, AsymmetricKey trustedAuthority)
            throws Exception {
        return open(dir, deviceId, deviceKey, trustedAuthority, 64);
    }

    /** As {@link #open(Path, UUID, AsymmetricKey, AsymmetricKey)} with room for {@code capacity} keys. */
    public static Keystore open(Path dir, UUID deviceId, AsymmetricKey deviceKey, AsymmetricKey trustedAuthority,
            int capacity) throws Exception {
        Anchors anchors = new Anchors(deviceId, TrustedKey.anchor(deviceKey, IdentityClass.DEVICE),
                TrustedKey.anchor(trustedAuthority, IdentityClass.TRUSTED_AUTHORITY), 1);
        return FileKeystore.open(dir, anchors, capacity, Optional.empty(), () -> TrustedTime.NONE, new SecureRandom(),
                Duration.ofSeconds(5));
    }

    /** Closes a keystore opened by {@link #open}. */
    public static void close(Keystore keystore) {
        ((FileKeystore) keystore).close();
    }
}
