package org.assure.dtls.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless HelloVerifyRequest cookies (RFC 6347 §4.2.1): HMAC-SHA256 over the peer's address and the
 * ClientHello's fields that a retransmission with the cookie repeats (version, random, session id, suites,
 * compression methods), under a secret that rotates; a cookie under the previous secret is still accepted, so a
 * rotation never costs a client its handshake. No per-peer state. Thread-safe.
 */
final class Cookies {
    static final int LENGTH = 32;

    private final SecureRandom random;
    private final long rotationMillis;
    private volatile Secrets secrets;

    private record Secrets(SecretKeySpec current, SecretKeySpec previous, long rotatedAt) {
    }

    Cookies(SecureRandom random, long rotationMillis, long nowMillis) {
        this.random = random;
        this.rotationMillis = rotationMillis;
        SecretKeySpec first = newSecret();
        this.secrets = new Secrets(first, first, nowMillis);
    }

    private SecretKeySpec newSecret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private Secrets secrets(long nowMillis) {
        Secrets s = secrets;
        if (nowMillis - s.rotatedAt() >= rotationMillis) {
            synchronized (this) {
                s = secrets;
                if (nowMillis - s.rotatedAt() >= rotationMillis) {
                    s = new Secrets(newSecret(), s.current(), nowMillis);
                    secrets = s;
                }
            }
        }
        return s;
    }

    /** The cookie for this peer and ClientHello under the current secret. */
    byte[] cookie(byte[] peer, Wire.ClientHello hello, long nowMillis) {
        return mac(secrets(nowMillis).current(), peer, hello);
    }

    /** Whether the ClientHello carries a cookie this server issued to this peer (current or previous secret). */
    boolean valid(byte[] peer, Wire.ClientHello hello, long nowMillis) {
        if (hello.cookie.length != LENGTH) {
            return false;
        }
        Secrets s = secrets(nowMillis);
        return MessageDigest.isEqual(mac(s.current(), peer, hello), hello.cookie)
                || (s.previous() != s.current() && MessageDigest.isEqual(mac(s.previous(), peer, hello), hello.cookie));
    }

    private static byte[] mac(SecretKeySpec key, byte[] peer, Wire.ClientHello hello) {
        Mac mac = KeySchedule.hmacSha256();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        mac.update((byte) peer.length);
        mac.update(peer);
        mac.update((byte) (hello.version >>> 8));
        mac.update((byte) hello.version);
        mac.update(hello.random);
        mac.update((byte) hello.sessionId.length);
        mac.update(hello.sessionId);
        for (int suite : hello.suites) {
            mac.update((byte) (suite >>> 8));
            mac.update((byte) suite);
        }
        mac.update((byte) hello.compressions.length);
        mac.update(hello.compressions);
        return mac.doFinal();
    }

    /** A HelloVerifyRequest record (epoch 0, the ClientHello's record sequence number, message_seq 0). */
    static byte[] helloVerifyRequest(long recordSeq, byte[] cookie) {
        byte[] body = new Wire.Writer().u16(Wire.DTLS10).vector8(cookie).toByteArray();
        byte[] message = Wire.handshakeMessage(Wire.HT_HELLO_VERIFY_REQUEST, 0, body);
        byte[] record = new byte[Wire.RECORD_HEADER + message.length];
        // RFC 6347 §4.2.1: the version is DTLS 1.0 so that any client reads it; the sequence number echoes the
        // ClientHello's, which keeps the server stateless.
        Wire.recordHeader(record, 0, Wire.CT_HANDSHAKE, Wire.DTLS10, 0, recordSeq, message.length);
        System.arraycopy(message, 0, record, Wire.RECORD_HEADER, message.length);
        return Arrays.copyOf(record, record.length);
    }
}
