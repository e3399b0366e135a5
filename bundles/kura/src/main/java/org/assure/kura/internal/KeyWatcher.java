package org.assure.kura.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assure.keystore.KeyInfo;
import org.assure.kura.internal.AssureEvent.KeyEvent;

/**
 * Turns successive keystore snapshots into key events. The keystore's API offers no change listener, so the event
 * publisher compares snapshots taken at an interval; the first snapshot is the baseline and yields no events (the
 * keys present at start-up are not news). Not thread-safe: one poller calls it.
 */
final class KeyWatcher {
    private Map<UUID, KeyInfo> last;

    /** The events between the previous snapshot and {@code keys}: removals first, then additions, in key order. */
    List<KeyEvent> next(List<KeyInfo> keys) {
        Map<UUID, KeyInfo> now = new LinkedHashMap<>();
        keys.forEach(key -> now.put(key.keyId(), key));
        List<KeyEvent> events = new ArrayList<>();
        if (last != null) {
            last.forEach((id, key) -> {
                KeyInfo current = now.get(id);
                if (current == null || !current.equals(key)) {
                    events.add(new KeyEvent(key, false));
                }
            });
            now.forEach((id, key) -> {
                KeyInfo previous = last.get(id);
                if (previous == null || !previous.equals(key)) {
                    events.add(new KeyEvent(key, true));
                }
            });
        }
        last = now;
        return events;
    }

    /** Forgets the baseline (the keystore went away); the next snapshot is a new baseline. */
    void reset() {
        last = null;
    }
}
