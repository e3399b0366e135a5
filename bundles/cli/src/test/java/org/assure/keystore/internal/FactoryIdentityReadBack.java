package org.assure.keystore.internal;

import java.nio.file.Path;
import java.util.UUID;
import org.assure.core.model.IdentityClass;

/**
 * Reads a factory identity file with the keystore's own reader (same package name, test class path only), so that
 * the CLI's writer is checked against the format's real consumer instead of a second copy of the rules.
 */
public final class FactoryIdentityReadBack {
    private FactoryIdentityReadBack() {
    }

    /** What the keystore would install from the file. */
    public record Summary(UUID deviceId, UUID deviceKeyId, boolean deviceKeyHasPrivatePart, boolean deviceKeyIsSecret,
            UUID trustedAuthorityKeyId, IdentityClass trustedAuthorityClass, long bootstrapServerId) {
    }

    /** @throws Exception (the keystore's FactoryIdentityException) as the keystore would refuse the file at start */
    public static Summary load(Path file, char[] passphrase) throws Exception {
        Anchors anchors = FactoryIdentityFile.load(file, passphrase);
        return new Summary(anchors.deviceId(), anchors.deviceKey().keyId(), anchors.deviceKey().privateKey().isPresent(),
                anchors.deviceKey().secret().isPresent(), anchors.trustedAuthorityKey().keyId(),
                anchors.trustedAuthorityKey().identityClass(), anchors.bootstrapServerId());
    }
}
