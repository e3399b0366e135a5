package org.assure.bootstrap;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a presence message (draft §11.3.1) sent on a management channel.
 *
 * @param channelId    the management channel it went over
 * @param at           when the answer (or the failure) came
 * @param acknowledged true for {@code 2.04 Changed}
 * @param responseCode the CoAP response code in dotted form (e.g. {@code 2.04}, {@code 4.01}); empty if no answer
 *                     came (timeout, channel closed)
 */
public record PresenceResult(long channelId, Instant at, boolean acknowledged, Optional<String> responseCode) {
    public PresenceResult {
        if (channelId < 0) {
            throw new IllegalArgumentException("negative channel id");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(responseCode, "responseCode");
        if (acknowledged && responseCode.isEmpty()) {
            throw new IllegalArgumentException("an acknowledgement has a response code");
        }
    }
}
