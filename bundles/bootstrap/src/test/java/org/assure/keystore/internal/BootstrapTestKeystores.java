package org.assure.keystore.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.trust.TrustedKey;
import org.assure.keystore.Keystore;
import org.assure.keystore.TrustedTime;

/**
 * Opens the keystore bundle's real file-backed keystore for the bootstrap tests. It sits in the keystore's private
 * package only because the keystore exports no factory (reported to the lead, as the channels tests do); on the
 * test class path there are no bundle boundaries. Production code never does this.
 */
public final class BootstrapTestKeystores {
    /** Name of the store file, for tests that inject write failures. */
    public static final String STORE_FILE = StoreFile.FILE_NAME;
    /** Suffix of the store's temporary file. */
    public static final String TEMP_SUFFIX = AtomicFiles.TEMP_SUFFIX;

    private BootstrapTestKeystores() {
    }

    /**
     * A keystore in {@code dir} with the given anchors (EC/RSA device key with private part or device secret;
     * Trusted Authority key); reopening the same directory with the same anchors restores it.
     */
    public static Keystore open(Path dir, UUID deviceId, TrustedKey deviceKey, TrustedKey trustedAuthority,
            long bootstrapServerId) throws Exception {
        return FileKeystore.open(dir, new Anchors(deviceId, deviceKey, trustedAuthority, bootstrapServerId), 64,
                Optional.empty(), () -> TrustedTime.NONE, new SecureRandom(), Duration.ofSeconds(5));
    }

    public static void close(Keystore keystore) {
        ((FileKeystore) keystore).close();
    }
}
