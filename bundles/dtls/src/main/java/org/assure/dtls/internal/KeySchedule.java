package org.assure.dtls.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.2 key schedule with the SHA-256 PRF (RFC 5246 §5): the PSK premaster secret (RFC 4279 §2), the
 * extended master secret (RFC 7627, required by the DICE profile), the key block and Finished verify data. Pure
 * functions; HMAC-SHA256 from the JDK (the CPU's SHA instructions), one {@link Mac} per thread.
 */
final class KeySchedule {
    static final int MASTER_SECRET_LENGTH = 48;
    static final int VERIFY_DATA_LENGTH = 12;
    private static final byte[] EXTENDED_MASTER_SECRET = ascii("extended master secret");
    private static final byte[] KEY_EXPANSION = ascii("key expansion");
    private static final byte[] CLIENT_FINISHED = ascii("client finished");
    private static final byte[] SERVER_FINISHED = ascii("server finished");
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    });

    private KeySchedule() {
    }

    /** This thread's HMAC-SHA256 (the PRF's, also the cookies'); callers initialise it with their key. */
    static Mac hmacSha256() {
        return HMAC.get();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 4279 §2: {@code uint16 N, N zero bytes, uint16 N, psk}. */
    static byte[] pskPremasterSecret(byte[] psk) {
        int n = psk.length;
        byte[] premaster = new byte[4 + 2 * n];
        premaster[0] = (byte) (n >>> 8);
        premaster[1] = (byte) n;
        premaster[2 + n] = (byte) (n >>> 8);
        premaster[3 + n] = (byte) n;
        System.arraycopy(psk, 0, premaster, 4 + n, n);
        return premaster;
    }

    /** RFC 7627 §4: the master secret over the session hash (handshake up to and including ClientKeyExchange). */
    static byte[] extendedMasterSecret(byte[] premaster, byte[] sessionHash) {
        return prf(premaster, EXTENDED_MASTER_SECRET, sessionHash, null, MASTER_SECRET_LENGTH);
    }

    /** RFC 5246 §6.3: the key block (seed is server random then client random). */
    static byte[] keyBlock(byte[] master, byte[] clientRandom, byte[] serverRandom, int length) {
        return prf(master, KEY_EXPANSION, serverRandom, clientRandom, length);
    }

    /** RFC 5246 §7.4.9: 12 bytes of Finished verify data over the handshake hash. */
    static byte[] verifyData(byte[] master, boolean client, byte[] handshakeHash) {
        return prf(master, client ? CLIENT_FINISHED : SERVER_FINISHED, handshakeHash, null, VERIFY_DATA_LENGTH);
    }

    /** P_SHA256(secret, label + seedA + seedB), {@code length} bytes. */
    static byte[] prf(byte[] secret, byte[] label, byte[] seedA, byte[] seedB, int length) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (secret.length == 0) {
            // An HMAC key of zero bytes equals one zero byte (the key is zero-padded to the block size).
            mac.reset();
        }
        byte[] out = new byte[length];
        // A(1) = HMAC(secret, seed)
        seed(mac, label, seedA, seedB);
        byte[] a = mac.doFinal();
        int done = 0;
        while (done < length) {
            mac.update(a);
            seed(mac, label, seedA, seedB);
            byte[] block = mac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
            if (done < length) {
                a = mac.doFinal(a);
            }
        }
        Arrays.fill(a, (byte) 0);
        return out;
    }

    /** The PRF's seed: label, then seedA, then seedB if any. */
    private static void seed(Mac mac, byte[] label, byte[] seedA, byte[] seedB) {
        mac.update(label);
        mac.update(seedA);
        if (seedB != null) {
            mac.update(seedB);
        }
    }
}
