package org.assure.dtls.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traffic an attacker can trigger (cookie-less ClientHellos beyond limits, bad MACs, failed handshakes, garbage)
 * goes to the {@code org.assure.dtls.drops} logger, at most one line per interval; the lines in between are
 * counted and reported with the next one. Never logs payloads or secrets.
 */
final class DropLog {
    static final Logger LOG = LoggerFactory.getLogger("org.assure.dtls.drops");
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    void drop(String what, Object peer) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAllowed.compareAndSet(next, now + INTERVAL_NANOS)) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        if (skipped > 0) {
            LOG.info("dropped {} from {} ({} similar events not logged)", what, peer, skipped);
        } else {
            LOG.info("dropped {} from {}", what, peer);
        }
    }
}
