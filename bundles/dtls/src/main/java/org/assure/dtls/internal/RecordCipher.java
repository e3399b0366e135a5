package org.assure.dtls.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESLightEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AEAD record protection of one direction of one epoch (RFC 5246 §6.2.3.3, RFC 6347 §4.1.2.1, RFC 6655,
 * RFC 5288): nonce = 4-byte implicit salt || 8-byte explicit nonce (epoch and sequence number, sent in the
 * record), additional data = epoch || sequence || type || version || plaintext length. Not thread-safe: the
 * connection's lock serialises each direction.
 */
abstract class RecordCipher {
    static final int EXPLICIT_NONCE_LENGTH = 8;
    static final int SALT_LENGTH = 4;
    static final int KEY_LENGTH = 16;

    final byte[] salt;

    RecordCipher(byte[] salt) {
        this.salt = salt;
    }

    /** AES_128_CCM_8 on the table-free AES engine (an idle session keeps two). */
    static RecordCipher ccm8(byte[] key, byte[] salt, boolean encrypt) {
        return new Ccm8(key, salt, encrypt);
    }

    /** AES_128_GCM (16-byte tag) from the JDK (AES-NI and CLMUL intrinsics). */
    static RecordCipher gcm(byte[] key, byte[] salt, boolean encrypt) {
        return new Gcm(key, salt, encrypt);
    }

    abstract int tagLength();

    /** Bytes a record fragment adds to its plaintext. */
    final int overhead() {
        return EXPLICIT_NONCE_LENGTH + tagLength();
    }

    /**
     * Protects {@code plaintext[off, off+len)} into {@code out} at {@code outOff}: explicit nonce, ciphertext, tag.
     *
     * @return the fragment length written
     */
    final int encrypt(int type, int version, int epoch, long seq, byte[] plaintext, int off, int len, byte[] out,
            int outOff) {
        byte[] nonce = nonce(epoch, seq);
        System.arraycopy(nonce, SALT_LENGTH, out, outOff, EXPLICIT_NONCE_LENGTH);
        byte[] aad = aad(type, version, epoch, seq, len);
        int written = seal(nonce, aad, plaintext, off, len, out, outOff + EXPLICIT_NONCE_LENGTH);
        return EXPLICIT_NONCE_LENGTH + written;
    }

    /**
     * Opens a record fragment {@code fragment[off, off+len)}.
     *
     * @return the plaintext, or null if the fragment does not authenticate (whatever is wrong with it)
     */
    final byte[] decrypt(int type, int version, int epoch, long seq, byte[] fragment, int off, int len) {
        int plainLength = len - overhead();
        if (plainLength < 0) {
            return null;
        }
        byte[] nonce = new byte[SALT_LENGTH + EXPLICIT_NONCE_LENGTH];
        System.arraycopy(salt, 0, nonce, 0, SALT_LENGTH);
        System.arraycopy(fragment, off, nonce, SALT_LENGTH, EXPLICIT_NONCE_LENGTH);
        byte[] aad = aad(type, version, epoch, seq, plainLength);
        return open(nonce, aad, fragment, off + EXPLICIT_NONCE_LENGTH, len - EXPLICIT_NONCE_LENGTH, plainLength);
    }

    private byte[] nonce(int epoch, long seq) {
        byte[] nonce = new byte[SALT_LENGTH + EXPLICIT_NONCE_LENGTH];
        System.arraycopy(salt, 0, nonce, 0, SALT_LENGTH);
        putSeq(nonce, SALT_LENGTH, epoch, seq);
        return nonce;
    }

    private static byte[] aad(int type, int version, int epoch, long seq, int length) {
        byte[] aad = new byte[13];
        putSeq(aad, 0, epoch, seq);
        aad[8] = (byte) type;
        aad[9] = (byte) (version >>> 8);
        aad[10] = (byte) version;
        aad[11] = (byte) (length >>> 8);
        aad[12] = (byte) length;
        return aad;
    }

    static void putSeq(byte[] to, int at, int epoch, long seq) {
        to[at] = (byte) (epoch >>> 8);
        to[at + 1] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            to[at + 2 + i] = (byte) (seq >>> (40 - 8 * i));
        }
    }

    abstract int seal(byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff);

    abstract byte[] open(byte[] nonce, byte[] aad, byte[] in, int off, int len, int plainLength);

    /**
     * AES-CCM with an 8-byte tag (RFC 3610, RFC 6655: 12-byte nonce, so a 3-byte length field) on one AES engine
     * keyed once per session direction. BouncyCastle's CCM mode builds a CTR and a CBC-MAC cipher and expands the
     * key twice per record; a handshake's and a CoAP exchange's records are a few blocks, where that dominated.
     */
    private static final class Ccm8 extends RecordCipher {
        private static final int TAG = 8;
        private final AESLightEngine aes = new AESLightEngine();

        Ccm8(byte[] key, byte[] salt, boolean encrypt) {
            super(salt);
            aes.init(true, new KeyParameter(key));
        }

        @Override
        int tagLength() {
            return TAG;
        }

        @Override
        int seal(byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff) {
            byte[] mac = cbcMac(nonce, aad, in, off, len);
            ctr(nonce, in, off, len, out, outOff);
            byte[] s0 = counterBlock(nonce, 0);
            aes.processBlock(s0, 0, s0, 0);
            for (int i = 0; i < TAG; i++) {
                out[outOff + len + i] = (byte) (mac[i] ^ s0[i]);
            }
            return len + TAG;
        }

        @Override
        byte[] open(byte[] nonce, byte[] aad, byte[] in, int off, int len, int plainLength) {
            if (len != plainLength + TAG) {
                return null;
            }
            byte[] plain = new byte[plainLength];
            ctr(nonce, in, off, plainLength, plain, 0);
            byte[] mac = cbcMac(nonce, aad, plain, 0, plainLength);
            byte[] s0 = counterBlock(nonce, 0);
            aes.processBlock(s0, 0, s0, 0);
            int diff = 0;
            for (int i = 0; i < TAG; i++) {
                diff |= (mac[i] ^ s0[i]) ^ in[off + plainLength + i];
            }
            return diff == 0 ? plain : null;
        }

        /** A_i: flags (L-1 = 2), nonce, 3-byte counter. */
        private static byte[] counterBlock(byte[] nonce, int counter) {
            return block(2, nonce, counter);
        }

        /** A CCM block of flags, the 12-byte nonce and a 3-byte big-endian value (a counter, or B0's length). */
        private static byte[] block(int flags, byte[] nonce, int value) {
            byte[] block = new byte[16];
            block[0] = (byte) flags;
            System.arraycopy(nonce, 0, block, 1, 12);
            put24(block, value);
            return block;
        }

        private static void put24(byte[] block, int value) {
            block[13] = (byte) (value >>> 16);
            block[14] = (byte) (value >>> 8);
            block[15] = (byte) value;
        }

        private void ctr(byte[] nonce, byte[] in, int off, int len, byte[] out, int outOff) {
            byte[] a = counterBlock(nonce, 1);
            byte[] keystream = new byte[16];
            int counter = 1;
            for (int done = 0; done < len; done += 16) {
                put24(a, counter);
                aes.processBlock(a, 0, keystream, 0);
                int n = Math.min(16, len - done);
                for (int i = 0; i < n; i++) {
                    out[outOff + done + i] = (byte) (in[off + done + i] ^ keystream[i]);
                }
                counter++;
            }
        }

        private byte[] cbcMac(byte[] nonce, byte[] aad, byte[] in, int off, int len) {
            // B0: flags (Adata, M' = (8-2)/2, L' = 2), nonce, message length.
            byte[] x = block(0x5A, nonce, len);
            aes.processBlock(x, 0, x, 0);
            // The additional data (13 bytes) with its 2-byte length: one block, zero padded.
            x[0] ^= (byte) (aad.length >>> 8);
            x[1] ^= (byte) aad.length;
            for (int i = 0; i < aad.length; i++) {
                x[2 + i] ^= aad[i];
            }
            aes.processBlock(x, 0, x, 0);
            for (int done = 0; done < len; done += 16) {
                int n = Math.min(16, len - done);
                for (int i = 0; i < n; i++) {
                    x[i] ^= in[off + done + i];
                }
                aes.processBlock(x, 0, x, 0);
            }
            return x;
        }
    }

    private static final class Gcm extends RecordCipher {
        private final SecretKeySpec key;
        private final Cipher cipher;
        private final boolean encrypt;

        Gcm(byte[] key, byte[] salt, boolean encrypt) {
            super(salt);
            this.key = new SecretKeySpec(key, "AES");
            this.encrypt = encrypt;
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/GCM unavailable", e);
            }
        }

        @Override
        int tagLength() {
            return 16;
        }

        @Override
        int seal(byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff) {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(aad);
                return cipher.doFinal(in, off, len, out, outOff);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        byte[] open(byte[] nonce, byte[] aad, byte[] in, int off, int len, int plainLength) {
            if (encrypt) {
                return null;
            }
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(aad);
                return cipher.doFinal(in, off, len);
            } catch (GeneralSecurityException | RuntimeException e) {
                return null;
            }
        }
    }
}
