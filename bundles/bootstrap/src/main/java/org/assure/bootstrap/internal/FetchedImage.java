package org.assure.bootstrap.internal;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import org.assure.core.model.Bytes;

/**
 * A bootstrap image as the server sent it.
 *
 * @param image                the encoded image
 * @param provisionalServerKey the raw public key the server presented, accepted provisionally (draft §15.4); empty
 *                             when the session used a PSK (the hint chain authenticated the server)
 */
public record FetchedImage(Bytes image, Optional<PublicKey> provisionalServerKey) {
    public FetchedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(provisionalServerKey, "provisionalServerKey");
    }
}
