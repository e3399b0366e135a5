package org.assure.dtls.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.bouncycastle.tls.ByteQueue;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a warning alert on an established session. BouncyCastle 1.84 has no public way to do so after the
 * handshake (its record layer's {@code warn} is package-private), so this reaches it by reflection; the
 * record layer allocates the sequence number, which no code outside it may do without risking nonce reuse.
 * If a later BouncyCastle renames the members, alerts are not sent (logged once) and nothing else changes.
 */
final class RecordLayerAccess {
    private static final Logger LOG = LoggerFactory.getLogger(RecordLayerAccess.class);
    private static final Field RECORD_LAYER;
    private static final Method WARN;

    static {
        Field field = null;
        Method method = null;
        try {
            field = DTLSTransport.class.getDeclaredField("recordLayer");
            field.setAccessible(true);
            method = field.getType().getDeclaredMethod("warn", short.class, String.class);
            method.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("BouncyCastle's DTLS record layer is not reachable; warning alerts will not be sent: {}", e.toString());
            field = null;
            method = null;
        }
        RECORD_LAYER = field;
        WARN = method;
    }

    private static final Field RECORD_QUEUE = recordQueueField();

    private RecordLayerAccess() {
    }

    private static Field recordQueueField() {
        if (RECORD_LAYER == null) {
            return null;
        }
        try {
            Field field = RECORD_LAYER.getType().getDeclaredField("recordQueue");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("BouncyCastle's DTLS record queue is not reachable; idle sessions keep its buffer: {}",
                    e.toString());
            return null;
        }
    }

    /**
     * The record layer's queue of records left over from a datagram that carried several (a peer's coalesced
     * flight): it keeps its grown buffer (512 bytes or more) for the session's lifetime unless shrunk. Null if
     * not reachable.
     */
    static ByteQueue recordQueue(DTLSTransport transport) {
        if (RECORD_QUEUE == null) {
            return null;
        }
        try {
            return (ByteQueue) RECORD_QUEUE.get(RECORD_LAYER.get(transport));
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** True if the alert could be handed to the record layer. */
    static boolean sendWarning(DTLSTransport transport, short description) {
        if (WARN == null) {
            return false;
        }
        try {
            WARN.invoke(RECORD_LAYER.get(transport), description, null);
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            LOG.debug("warning alert {} not sent: {}", description, e.toString());
            return false;
        }
    }
}
