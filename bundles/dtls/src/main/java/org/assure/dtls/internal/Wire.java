package org.assure.dtls.internal;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DTLS 1.2 wire formats (RFC 6347, RFC 5246): the record header, the handshake header, and the hello messages with
 * their extensions. Decoders are strict and bounded: anything truncated, oversized or trailing fails with
 * {@link DecodeException} and builds nothing.
 */
final class Wire {
    static final int RECORD_HEADER = 13;
    static final int HANDSHAKE_HEADER = 12;
    static final int DTLS12 = 0xFEFD;
    static final int DTLS10 = 0xFEFF;

    static final int CT_CHANGE_CIPHER_SPEC = 20;
    static final int CT_ALERT = 21;
    static final int CT_HANDSHAKE = 22;
    static final int CT_APPLICATION_DATA = 23;
    static final int CT_HEARTBEAT = 24;

    static final int HT_HELLO_REQUEST = 0;
    static final int HT_CLIENT_HELLO = 1;
    static final int HT_SERVER_HELLO = 2;
    static final int HT_HELLO_VERIFY_REQUEST = 3;
    static final int HT_CERTIFICATE = 11;
    static final int HT_SERVER_KEY_EXCHANGE = 12;
    static final int HT_CERTIFICATE_REQUEST = 13;
    static final int HT_SERVER_HELLO_DONE = 14;
    static final int HT_CERTIFICATE_VERIFY = 15;
    static final int HT_CLIENT_KEY_EXCHANGE = 16;
    static final int HT_FINISHED = 20;

    static final int EXT_MAX_FRAGMENT_LENGTH = 1;
    static final int EXT_SUPPORTED_GROUPS = 10;
    static final int EXT_EC_POINT_FORMATS = 11;
    static final int EXT_SIGNATURE_ALGORITHMS = 13;
    static final int EXT_HEARTBEAT = 15;
    static final int EXT_CLIENT_CERTIFICATE_TYPE = 19;
    static final int EXT_SERVER_CERTIFICATE_TYPE = 20;
    static final int EXT_EXTENDED_MASTER_SECRET = 23;
    static final int EXT_RENEGOTIATION_INFO = 0xFF01;

    static final int TLS_PSK_WITH_AES_128_CCM_8 = 0xC0A8;
    static final int TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;

    /** Largest handshake message body accepted (a PSK or raw-key handshake needs a few hundred bytes). */
    static final int MAX_HANDSHAKE_MESSAGE = 16384;

    private Wire() {
    }

    /** A malformed structure; carries no stack trace (attackers choose how often it is thrown). */
    static final class DecodeException extends Exception {
        private static final long serialVersionUID = 1L;

        DecodeException(String message) {
            super(message, null, false, false);
        }
    }

    /** A bounded cursor over a byte range. */
    static final class Reader {
        private final byte[] data;
        private int pos;
        private final int end;

        Reader(byte[] data, int off, int len) {
            this.data = data;
            this.pos = off;
            this.end = off + len;
        }

        Reader(byte[] data) {
            this(data, 0, data.length);
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws DecodeException {
            if (n < 0 || end - pos < n) {
                throw new DecodeException("truncated");
            }
        }

        int u8() throws DecodeException {
            need(1);
            return data[pos++] & 0xFF;
        }

        int u16() throws DecodeException {
            need(2);
            int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        int u24() throws DecodeException {
            need(3);
            int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
            pos += 3;
            return v;
        }

        byte[] bytes(int n) throws DecodeException {
            need(n);
            byte[] out = new byte[n];
            System.arraycopy(data, pos, out, 0, n);
            pos += n;
            return out;
        }

        byte[] vector8() throws DecodeException {
            return bytes(u8());
        }

        byte[] vector16() throws DecodeException {
            return bytes(u16());
        }

        byte[] vector24() throws DecodeException {
            return bytes(u24());
        }

        void end() throws DecodeException {
            if (pos != end) {
                throw new DecodeException("trailing bytes");
            }
        }
    }

    /** A growable output with the TLS length-prefix helpers. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Writer u24(int v) {
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Writer bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        Writer vector8(byte[] b) {
            return u8(b.length).bytes(b);
        }

        Writer vector16(byte[] b) {
            return u16(b.length).bytes(b);
        }

        Writer vector24(byte[] b) {
            return u24(b.length).bytes(b);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** One record of a datagram (fragment not copied). */
    record RecordHeader(int type, int version, int epoch, long seq, int offset, int length) {
    }

    /**
     * The record at {@code off} of a datagram, or null if fewer bytes remain than its header and length promise or
     * its version is not DTLS (0xFEFD; 0xFEFF as libcoap's ClientHello carries).
     */
    static RecordHeader record(byte[] datagram, int off, int len) {
        if (len - off < RECORD_HEADER) {
            return null;
        }
        int type = datagram[off] & 0xFF;
        int version = ((datagram[off + 1] & 0xFF) << 8) | (datagram[off + 2] & 0xFF);
        if (version != DTLS12 && version != DTLS10) {
            return null;
        }
        int epoch = ((datagram[off + 3] & 0xFF) << 8) | (datagram[off + 4] & 0xFF);
        long seq = 0;
        for (int i = 0; i < 6; i++) {
            seq = (seq << 8) | (datagram[off + 5 + i] & 0xFF);
        }
        int length = ((datagram[off + 11] & 0xFF) << 8) | (datagram[off + 12] & 0xFF);
        if (length > len - off - RECORD_HEADER || length > 16384 + 2048) {
            return null;
        }
        return new RecordHeader(type, version, epoch, seq, off + RECORD_HEADER, length);
    }

    /** Writes a record header at {@code at}. */
    static void recordHeader(byte[] to, int at, int type, int version, int epoch, long seq, int length) {
        to[at] = (byte) type;
        to[at + 1] = (byte) (version >>> 8);
        to[at + 2] = (byte) version;
        RecordCipher.putSeq(to, at + 3, epoch, seq);
        to[at + 11] = (byte) (length >>> 8);
        to[at + 12] = (byte) length;
    }

    /** A handshake fragment's header. */
    record FragmentHeader(int type, int length, int messageSeq, int fragmentOffset, int fragmentLength) {
    }

    /** The handshake fragment header at {@code off}; the fragment must lie within {@code len} bytes. */
    static FragmentHeader fragment(byte[] data, int off, int len) throws DecodeException {
        Reader r = new Reader(data, off, len);
        int type = r.u8();
        int length = r.u24();
        int seq = r.u16();
        int fragmentOffset = r.u24();
        int fragmentLength = r.u24();
        if (length > MAX_HANDSHAKE_MESSAGE) {
            throw new DecodeException("handshake message too long");
        }
        if (fragmentLength > r.remaining() || fragmentOffset + fragmentLength > length) {
            throw new DecodeException("bad fragment bounds");
        }
        return new FragmentHeader(type, length, seq, fragmentOffset, fragmentLength);
    }

    /** A whole handshake message as it is hashed: header with offset 0 and fragment length = length, then body. */
    static byte[] handshakeMessage(int type, int messageSeq, byte[] body) {
        byte[] m = new byte[HANDSHAKE_HEADER + body.length];
        m[0] = (byte) type;
        put24(m, 1, body.length);
        m[4] = (byte) (messageSeq >>> 8);
        m[5] = (byte) messageSeq;
        put24(m, 9, body.length);
        System.arraycopy(body, 0, m, HANDSHAKE_HEADER, body.length);
        return m;
    }

    static void put24(byte[] to, int at, int v) {
        to[at] = (byte) (v >>> 16);
        to[at + 1] = (byte) (v >>> 8);
        to[at + 2] = (byte) v;
    }

    /**
     * Extensions (RFC 5246 §7.4.1.4): absent (nothing left) or a list with a total length; a type appearing twice
     * is an error.
     */
    static Map<Integer, byte[]> extensions(Reader r) throws DecodeException {
        Map<Integer, byte[]> map = new LinkedHashMap<>();
        if (r.remaining() == 0) {
            return map;
        }
        int total = r.u16();
        if (total != r.remaining()) {
            throw new DecodeException("extensions length");
        }
        while (r.remaining() > 0) {
            int type = r.u16();
            byte[] data = r.vector16();
            if (map.put(type, data) != null) {
                throw new DecodeException("duplicate extension");
            }
        }
        return map;
    }

    static byte[] encodeExtensions(Map<Integer, byte[]> extensions) {
        Writer w = new Writer();
        for (Map.Entry<Integer, byte[]> e : extensions.entrySet()) {
            w.u16(e.getKey()).vector16(e.getValue());
        }
        byte[] list = w.toByteArray();
        return new Writer().vector16(list).toByteArray();
    }

    /** A hello's session id: at most 32 bytes (RFC 5246 §7.4.1.2). */
    private static byte[] sessionId(Reader r) throws DecodeException {
        byte[] id = r.vector8();
        if (id.length > 32) {
            throw new DecodeException("session id too long");
        }
        return id;
    }

    /** A ClientHello body (RFC 6347 §4.2.1). */
    static final class ClientHello {
        int version;
        byte[] random;
        byte[] sessionId;
        byte[] cookie;
        int[] suites;
        byte[] compressions;
        Map<Integer, byte[]> extensions;

        boolean offers(int suite) {
            for (int s : suites) {
                if (s == suite) {
                    return true;
                }
            }
            return false;
        }

        static ClientHello decode(byte[] body) throws DecodeException {
            Reader r = new Reader(body);
            ClientHello hello = new ClientHello();
            hello.version = r.u16();
            hello.random = r.bytes(32);
            hello.sessionId = sessionId(r);
            // A cookie is at most 255 bytes (RFC 6347 §4.2.1): what an 8-bit length allows.
            hello.cookie = r.vector8();
            byte[] suites = r.vector16();
            if (suites.length < 2 || suites.length % 2 != 0) {
                throw new DecodeException("cipher suites");
            }
            hello.suites = new int[suites.length / 2];
            for (int i = 0; i < hello.suites.length; i++) {
                hello.suites[i] = ((suites[2 * i] & 0xFF) << 8) | (suites[2 * i + 1] & 0xFF);
            }
            hello.compressions = r.vector8();
            if (hello.compressions.length < 1) {
                throw new DecodeException("compression methods");
            }
            hello.extensions = extensions(r);
            r.end();
            return hello;
        }

        byte[] encode() {
            Writer w = new Writer().u16(version).bytes(random).vector8(sessionId).vector8(cookie);
            w.u16(suites.length * 2);
            for (int s : suites) {
                w.u16(s);
            }
            w.vector8(compressions);
            if (!extensions.isEmpty()) {
                w.bytes(encodeExtensions(extensions));
            }
            return w.toByteArray();
        }
    }

    /** A ServerHello body. */
    static final class ServerHello {
        int version;
        byte[] random;
        byte[] sessionId;
        int suite;
        int compression;
        Map<Integer, byte[]> extensions;

        static ServerHello decode(byte[] body) throws DecodeException {
            Reader r = new Reader(body);
            ServerHello hello = new ServerHello();
            hello.version = r.u16();
            hello.random = r.bytes(32);
            hello.sessionId = sessionId(r);
            hello.suite = r.u16();
            hello.compression = r.u8();
            hello.extensions = extensions(r);
            r.end();
            return hello;
        }

        byte[] encode() {
            Writer w = new Writer().u16(version).bytes(random).vector8(sessionId).u16(suite).u8(compression);
            if (!extensions.isEmpty()) {
                w.bytes(encodeExtensions(extensions));
            }
            return w.toByteArray();
        }
    }

    /** HelloVerifyRequest body: server_version, cookie. */
    static byte[] decodeHelloVerifyRequest(byte[] body) throws DecodeException {
        Reader r = new Reader(body);
        r.u16();
        byte[] cookie = r.vector8();
        r.end();
        if (cookie.length > 255) {
            throw new DecodeException("cookie too long");
        }
        return cookie;
    }

    /** A PSK ServerKeyExchange or ClientKeyExchange body: one opaque<0..2^16-1>. */
    static byte[] decodeOpaque16(byte[] body) throws DecodeException {
        Reader r = new Reader(body);
        byte[] value = r.vector16();
        r.end();
        return value;
    }

    static byte[] encodeOpaque16(byte[] value) {
        return new Writer().vector16(value).toByteArray();
    }
}
