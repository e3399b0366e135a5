package org.assure.core.bootstrap;

import java.util.List;
import java.util.Objects;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.trust.TrustedKey;

/**
 * A bootstrap image that passed every check, ready to apply atomically: import {@code keys} in order, store
 * {@code ownerSequence}, replay {@code payload}'s CoAP messages.
 */
public record OpenedImage(BootstrapImage image, List<TrustedKey> keys, long ownerSequence, BootstrapPayload payload) {
    public OpenedImage {
        Objects.requireNonNull(image, "image");
        keys = List.copyOf(keys);
        Objects.requireNonNull(payload, "payload");
    }
}
