package org.assure.core.trust;

import java.util.Objects;
import org.assure.core.model.SimpleTimestamp;

/**
 * The validity period written into a new signature (draft §7.3); {@link #UNBOUNDED} for devices without a
 * real-time clock.
 */
public record Validity(SimpleTimestamp createdAt, SimpleTimestamp validUntil) {
    /** Both fields 0: always valid. */
    public static final Validity UNBOUNDED = new Validity(SimpleTimestamp.NONE, SimpleTimestamp.NONE);

    public Validity {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!createdAt.isNone() && !validUntil.isNone() && validUntil.seconds() < createdAt.seconds()) {
            throw new IllegalArgumentException("validity ends before it starts");
        }
    }
}
