package org.assure.dtls.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.model.Bytes;
import org.assure.core.model.PskHint;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.CloseReason;
import org.assure.dtls.CredentialType;
import org.assure.dtls.FailureCause;
import org.assure.dtls.PskKey;
import org.assure.dtls.ServerCredentials;

/**
 * The engine's own event-driven DTLS 1.2 for one peer: the handshake state machine (PSK, TLS_PSK_WITH_AES_128_CCM_8,
 * full and abbreviated, both roles) and the record layer of the established session (AEAD, epochs, replay
 * window, heartbeat, alerts). No threads: datagrams come in through {@link #receive}, timers through
 * {@link #onTimer}; every call is made under the owning connection's lock. What a call produced for the engine
 * (handshake done or failed, data, session end) is left in fields the connection collects after the call.
 */
final class OwnChannel {
    /** What the channel needs from its connection and engine. */
    interface Host {
        void sendDatagram(byte[] data, int off, int len);

        int datagramLimit();

        long nowMillis();

        byte[] randomBytes(int n);

        java.security.SecureRandom secureRandom();

        /** (Re)arms the one handshake timer of this channel; a negative delay cancels it. */
        void armTimer(long delayMillis);

        void recordDropped();

        void recordDiscarded();

        /** An authenticated record arrived (activity, for the idle timeout). */
        void authenticated();

        void deliver(byte[] data);
    }

    static final int ALERT_WARNING = 1;
    static final int ALERT_FATAL = 2;
    static final int CLOSE_NOTIFY = 0;
    static final int UNEXPECTED_MESSAGE = 10;
    static final int HANDSHAKE_FAILURE = 40;
    static final int ILLEGAL_PARAMETER = 47;
    static final int ACCESS_DENIED = 49;
    static final int DECODE_ERROR = 50;
    static final int DECRYPT_ERROR = 51;
    static final int PROTOCOL_VERSION = 70;
    static final int INTERNAL_ERROR = 80;
    static final int NO_RENEGOTIATION = 100;
    static final int UNSUPPORTED_EXTENSION = 110;

    static final int BAD_CERTIFICATE = 42;
    static final int UNSUPPORTED_CERTIFICATE = 43;
    static final int TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 = 0xC0AE;
    static final int TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 0xC02F;
    private static final int CERTIFICATE_TYPE_RAW_PUBLIC_KEY = 2;
    private static final int ECDSA_SECP256R1_SHA256 = 0x0403;
    private static final int HEARTBEAT_MODE_PEER_ALLOWED = 1;
    private static final int HEARTBEAT_REQUEST = 1;
    private static final int HEARTBEAT_RESPONSE = 2;
    private static final long MAX_RETRANSMISSION_MILLIS = 60_000;
    private static final int MAX_STASHED = 8;
    private static final int MAX_HELLO_VERIFY = 4;

    private enum State {
        CLIENT_WAIT_SERVER_HELLO, CLIENT_WAIT_CERTIFICATE, CLIENT_WAIT_SERVER_KEY_EXCHANGE, CLIENT_WAIT_HELLO_DONE,
        CLIENT_WAIT_FINISHED, CLIENT_RESUME_WAIT_FINISHED, SERVER_WAIT_CERTIFICATE, SERVER_WAIT_CERTIFICATE_VERIFY,
        SERVER_WAIT_KEY_EXCHANGE, SERVER_WAIT_FINISHED, SERVER_RESUME_WAIT_FINISHED, ESTABLISHED, FAILED
    }

    /** A handshake failure: why, in BouncyCastle-free terms the outcome classifies. */
    static final class Failure extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null);
        }
    }

    /** A handshake timeout (classified as state 10). */
    static final class Timeout extends java.io.InterruptedIOException {
        private static final long serialVersionUID = 1L;

        Timeout() {
            super("handshake timed out");
        }
    }

    private record FlightItem(int contentType, int epoch, byte[] payload) {
    }

    private final Host host;
    private final HandshakeSettings settings;
    private final boolean client;
    private final HandshakeOutcome outcome;

    // ---- record layer -------------------------------------------------------------------------------------
    private long writeSeq0;
    private long writeSeq1;
    private int writeEpoch;
    private RecordCipher writeCipher;
    private RecordCipher readCipher;
    private boolean readEpoch1;
    private final ReplayWindow replay = new ReplayWindow();
    private int plaintextLimit = 16384;
    private int suite;
    /** ECDHE-ECDSA with raw public keys (RFC 7250) rather than PSK. */
    private boolean rawKeys;
    private org.assure.dtls.internal.ec.P256.KeyPair ephemeral;
    /** The peer's raw key: an {@link EcP256.Point} or an RSA key (see {@link Signatures#publicKey}). */
    private Object peerStatic;
    private org.assure.dtls.PeerKey peerKey;
    private boolean certificateRequested;

    // ---- handshake ----------------------------------------------------------------------------------------
    private State state;
    private MessageDigest transcript;
    private Reassembly reassembly;
    private int nextReceiveSeq;
    private int nextSendSeq;
    /** The first message_seq of the peer flight after our current one: lower ones are retransmissions. */
    private int peerFlightStart;
    private List<FlightItem> flight;
    private long retransmitMillis;
    private long deadline;
    private List<byte[]> stashed;
    private byte[] clientRandom;
    private byte[] serverRandom;
    private byte[] master;
    private byte[] sessionId = new byte[0];
    private boolean resumed;
    private boolean peerMayReceiveHeartbeats;
    private int helloVerifies;
    // client
    private ClientCredentials clientCredentials;
    private CachedSession toResume;
    private Wire.ClientHello hello;
    /** The last ClientHello sent: the handshake hash starts with it (not with one answered by a cookie). */
    private byte[] helloMessage;
    private Optional<PskHint> hint = Optional.empty();
    private Optional<UUID> serverName = Optional.empty();
    // server
    private ServerCredentials serverCredentials;
    private byte[] helloBody;
    private Optional<UUID> peerName = Optional.empty();
    private PskKey pskKey;
    private SessionCache<Bytes, CachedSession> serverCache;
    /** The last flight we sent if it ended the handshake: resent when the peer's last flight comes again. */
    private List<FlightItem> finalFlight;
    private int finalFlightPeerSeq;

    // ---- results, collected by the connection -------------------------------------------------------------
    private PeerIdentity identity;
    private CachedSession toCache;
    boolean completed;
    Throwable failed;
    CloseReason ended;

    // ---- heartbeat ----------------------------------------------------------------------------------------
    private byte[] heartbeatPayload;
    private long heartbeatSentAt;
    private long heartbeatResentAt;
    private long heartbeatResend;

    private OwnChannel(Host host, HandshakeSettings settings, boolean client, HandshakeOutcome outcome) {
        this.host = host;
        this.settings = settings;
        this.client = client;
        this.outcome = outcome;
        try {
            this.transcript = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.reassembly = new Reassembly();
    }

    HandshakeOutcome outcome() {
        return outcome;
    }

    PeerIdentity identity() {
        return identity;
    }

    int cipherSuite() {
        return suite;
    }

    Bytes sessionId() {
        return Bytes.of(sessionId);
    }

    boolean resumed() {
        return resumed;
    }

    /** The session to cache once the handshake completed (full handshakes that got a session id), else null. */
    CachedSession sessionToCache() {
        return toCache;
    }

    boolean established() {
        return state == State.ESTABLISHED;
    }

    // ================================================================================================ client

    /** Starts a client handshake: sends the ClientHello. */
    static OwnChannel client(Host host, HandshakeSettings settings, ClientCredentials credentials,
            Optional<CachedSession> cached, HandshakeOutcome outcome) {
        OwnChannel channel = new OwnChannel(host, settings, true, outcome);
        channel.clientCredentials = credentials;
        channel.toResume = cached.orElse(null);
        return channel;
    }

    /** Sends the ClientHello (after the connection holds this channel, so the answer finds it). */
    void startClient() {
        clientRandom = host.randomBytes(32);
        hello = new Wire.ClientHello();
        hello.version = Wire.DTLS12;
        hello.random = clientRandom;
        hello.sessionId = toResume != null ? toResume.sessionId().toByteArray() : new byte[0];
        hello.cookie = new byte[0];
        boolean psk = clientCredentials.psk().isPresent();
        boolean raw = clientCredentials.rawKey().isPresent();
        int rawSuite = raw ? rawSuiteFor(clientCredentials.rawKey().get().ownKey().publicKey()) : 0;
        hello.suites = psk && raw ? new int[] {Wire.TLS_PSK_WITH_AES_128_CCM_8, rawSuite}
                : psk ? new int[] {Wire.TLS_PSK_WITH_AES_128_CCM_8} : new int[] {rawSuite};
        hello.compressions = new byte[] {0};
        Map<Integer, byte[]> extensions = new LinkedHashMap<>();
        extensions.put(Wire.EXT_RENEGOTIATION_INFO, new byte[] {0});
        extensions.put(Wire.EXT_EXTENDED_MASTER_SECRET, new byte[0]);
        extensions.put(Wire.EXT_HEARTBEAT, new byte[] {HEARTBEAT_MODE_PEER_ALLOWED});
        if (settings.maxFragmentLength() > 0) {
            extensions.put(Wire.EXT_MAX_FRAGMENT_LENGTH, new byte[] {(byte) settings.maxFragmentLength()});
        }
        clientCredentials.ownName().ifPresent(
                name -> extensions.put(settings.peerNameExtension(), PeerNameExtension.encode(name)));
        if (raw) {
            extensions.put(Wire.EXT_CLIENT_CERTIFICATE_TYPE, new byte[] {1, CERTIFICATE_TYPE_RAW_PUBLIC_KEY});
            extensions.put(Wire.EXT_SERVER_CERTIFICATE_TYPE, new byte[] {1, CERTIFICATE_TYPE_RAW_PUBLIC_KEY});
            extensions.put(Wire.EXT_SUPPORTED_GROUPS, new byte[] {0, 2, 0, (byte) EcP256.NAMED_GROUP});
            extensions.put(Wire.EXT_EC_POINT_FORMATS, new byte[] {1, 0});
            extensions.put(Wire.EXT_SIGNATURE_ALGORITHMS, new byte[] {0, 4, 4, 3, 4, 1});
        }
        hello.extensions = extensions;
        state = State.CLIENT_WAIT_SERVER_HELLO;
        deadline = host.nowMillis() + settings.handshakeTimeoutMillis();
        helloMessage = Wire.handshakeMessage(Wire.HT_CLIENT_HELLO, nextSendSeq++, hello.encode());
        newFlight(List.of(handshake(0, helloMessage)), false);
    }

    private void clientMessage(Reassembly.Message m, byte[] raw) throws Failure {
        switch (state) {
            case CLIENT_WAIT_SERVER_HELLO -> {
                if (m.type() == Wire.HT_HELLO_VERIFY_REQUEST) {
                    helloVerifyRequest(m);
                } else if (m.type() == Wire.HT_SERVER_HELLO) {
                    serverHello(m, raw);
                } else {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
            }
            case CLIENT_WAIT_CERTIFICATE -> {
                if (m.type() != Wire.HT_CERTIFICATE) {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
                transcript.update(raw);
                acceptPeerKey(clientCredentials.rawKey().get(), m.body(), this::consistentServer);
                state = State.CLIENT_WAIT_SERVER_KEY_EXCHANGE;
            }
            case CLIENT_WAIT_SERVER_KEY_EXCHANGE -> {
                if (m.type() != Wire.HT_SERVER_KEY_EXCHANGE) {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
                ecdheServerKeyExchange(m.body());
                transcript.update(raw);
                state = State.CLIENT_WAIT_HELLO_DONE;
            }
            case CLIENT_WAIT_HELLO_DONE -> {
                if (rawKeys && m.type() == Wire.HT_CERTIFICATE_REQUEST && !certificateRequested) {
                    certificateRequest(m.body());
                    transcript.update(raw);
                    certificateRequested = true;
                } else if (!rawKeys && m.type() == Wire.HT_SERVER_KEY_EXCHANGE && hint.isEmpty()) {
                    transcript.update(raw);
                    try {
                        byte[] text = Wire.decodeOpaque16(m.body());
                        hint = Optional.of(PskIdentities.hint(text));
                    } catch (Wire.DecodeException e) {
                        throw fail(DECODE_ERROR, FailureCause.OTHER, "bad ServerKeyExchange");
                    } catch (CborDecodeException | RuntimeException e) {
                        // Not an aSSURE hint (a plain DICE server's text): resolve as if none was sent.
                        hint = Optional.empty();
                    }
                } else if (m.type() == Wire.HT_SERVER_HELLO_DONE) {
                    if (m.body().length != 0) {
                        throw fail(DECODE_ERROR, FailureCause.OTHER, "bad ServerHelloDone");
                    }
                    transcript.update(raw);
                    clientKeyExchange();
                } else {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
            }
            case CLIENT_WAIT_FINISHED, CLIENT_RESUME_WAIT_FINISHED -> {
                if (m.type() != Wire.HT_FINISHED) {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
                serverFinished(m, raw);
            }
            default -> throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
        }
    }

    private void helloVerifyRequest(Reassembly.Message m) throws Failure {
        byte[] cookie;
        try {
            cookie = Wire.decodeHelloVerifyRequest(m.body());
        } catch (Wire.DecodeException e) {
            throw fail(DECODE_ERROR, FailureCause.OTHER, "bad HelloVerifyRequest");
        }
        if (++helloVerifies > MAX_HELLO_VERIFY) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "too many HelloVerifyRequests");
        }
        // RFC 6347 §4.2.1: the first ClientHello and the HelloVerifyRequest are not part of the handshake hash.
        hello.cookie = cookie;
        helloMessage = Wire.handshakeMessage(Wire.HT_CLIENT_HELLO, nextSendSeq++, hello.encode());
        newFlight(List.of(handshake(0, helloMessage)), false);
    }

    private void serverHello(Reassembly.Message m, byte[] raw) throws Failure {
        Wire.ServerHello sh;
        try {
            sh = Wire.ServerHello.decode(m.body());
        } catch (Wire.DecodeException e) {
            throw fail(DECODE_ERROR, FailureCause.OTHER, "bad ServerHello");
        }
        if (sh.version != Wire.DTLS12) {
            throw fail(PROTOCOL_VERSION, FailureCause.OTHER, "not DTLS 1.2");
        }
        if (!hello.offers(sh.suite) || sh.compression != 0) {
            throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "suite or compression not offered");
        }
        for (Integer type : sh.extensions.keySet()) {
            if (!hello.extensions.containsKey(type)) {
                throw fail(UNSUPPORTED_EXTENSION, FailureCause.OTHER, "extension not offered");
            }
        }
        if (!sh.extensions.containsKey(Wire.EXT_EXTENDED_MASTER_SECRET)) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "no extended master secret");
        }
        byte[] mfl = sh.extensions.get(Wire.EXT_MAX_FRAGMENT_LENGTH);
        if (mfl != null) {
            if (mfl.length != 1 || mfl[0] != settings.maxFragmentLength()) {
                throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "max_fragment_length");
            }
            plaintextLimit = 1 << (8 + mfl[0]);
        }
        byte[] heartbeat = sh.extensions.get(Wire.EXT_HEARTBEAT);
        peerMayReceiveHeartbeats = heartbeat != null && heartbeat.length == 1
                && heartbeat[0] == HEARTBEAT_MODE_PEER_ALLOWED;
        byte[] name = sh.extensions.get(settings.peerNameExtension());
        if (name != null) {
            Optional<UUID> decoded = PeerNameExtension.decode(name);
            if (decoded.isEmpty()) {
                throw fail(DECODE_ERROR, FailureCause.OTHER, "malformed peer name");
            }
            if (clientCredentials.expectedServerName().isPresent()
                    && !clientCredentials.expectedServerName().equals(decoded)) {
                throw fail(ACCESS_DENIED, FailureCause.UNEXPECTED_PEER_NAME, "unexpected server name");
            }
            serverName = decoded;
            outcome.peerName(decoded);
        }
        transcript.update(helloMessage);
        helloMessage = null;
        transcript.update(raw);
        serverRandom = sh.random;
        suite = sh.suite;
        sessionId = sh.sessionId;
        if (toResume != null && sh.sessionId.length > 0 && Arrays.equals(sh.sessionId, hello.sessionId)) {
            if (toResume.cipherSuite() != sh.suite) {
                throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "resumed suite differs");
            }
            resumed = true;
            if (name == null) {
                serverName = toResume.identity().peerName();
            }
            master = toResume.masterSecret().toByteArray();
            deriveKeys();
            state = State.CLIENT_RESUME_WAIT_FINISHED;
        } else if (sh.suite == TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 || sh.suite == TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) {
            byte[] type = sh.extensions.get(Wire.EXT_SERVER_CERTIFICATE_TYPE);
            if (type == null || type.length != 1 || type[0] != CERTIFICATE_TYPE_RAW_PUBLIC_KEY) {
                throw fail(UNSUPPORTED_CERTIFICATE, FailureCause.OTHER, "server certificate not a raw key");
            }
            rawKeys = true;
            state = State.CLIENT_WAIT_CERTIFICATE;
        } else {
            state = State.CLIENT_WAIT_HELLO_DONE;
        }
    }

    /** PROFILE §6: EC raw keys use ECDHE-ECDSA with CCM_8, RSA raw keys ECDHE-RSA with GCM; 0 for neither. */
    static int rawSuiteFor(java.security.PublicKey key) {
        if (Signatures.isP256(key)) {
            return TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8;
        }
        return Signatures.isRsa(key) ? TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 : 0;
    }

    private boolean consistentServer(Optional<UUID> owner) {
        return serverName.isEmpty() || owner.isEmpty() || owner.equals(serverName);
    }

    /** RFC 7250 §3: a raw-key Certificate is one SubjectPublicKeyInfo<1..2^24-1>. */
    /**
     * The peer's raw-key Certificate: its key must be one the credentials expect, of a peer consistent with the
     * name this handshake runs under, and usable for signatures; sets {@link #peerStatic} and {@link #peerKey}.
     */
    private void acceptPeerKey(org.assure.dtls.RawKeyCredentials credentials, byte[] certificateBody,
            java.util.function.Predicate<Optional<UUID>> consistentOwner) throws Failure {
        byte[] spki = rawPublicKey(certificateBody);
        Optional<org.assure.dtls.PeerKey> accepted;
        try {
            accepted = credentials.peerKeys().find(Bytes.of(spki));
        } catch (RuntimeException e) {
            accepted = Optional.empty();
        }
        peerStatic = Signatures.publicKey(spki);
        if (accepted == null || accepted.isEmpty() || !consistentOwner.test(accepted.get().peer())
                || peerStatic == null) {
            throw fail(BAD_CERTIFICATE, FailureCause.BAD_PEER_KEY, "peer key not accepted");
        }
        peerKey = accepted.get();
    }

    private byte[] rawPublicKey(byte[] body) throws Failure {
        try {
            Wire.Reader r = new Wire.Reader(body);
            byte[] spki = r.vector24();
            r.end();
            if (spki.length == 0) {
                throw new Wire.DecodeException("empty certificate");
            }
            return spki;
        } catch (Wire.DecodeException e) {
            throw fail(DECODE_ERROR, FailureCause.BAD_PEER_KEY, "bad raw-key Certificate");
        }
    }

    /** The body of our raw-key Certificate message. */
    private byte[] ownCertificateBody() {
        return certificateMessageBody(rawKeyCredentials().ownKey().publicKey());
    }

    private static byte[] certificateMessageBody(java.security.PublicKey key) {
        return new Wire.Writer().vector24(key.getEncoded()).toByteArray();
    }

    /** ECDHE ServerKeyExchange: named curve secp256r1, the point, an ECDSA-SHA256 signature by the server key. */
    private void ecdheServerKeyExchange(byte[] body) throws Failure {
        int paramsLength;
        byte[] point;
        int algorithm;
        byte[] signature;
        try {
            Wire.Reader r = new Wire.Reader(body);
            int curveType = r.u8();
            int group = r.u16();
            point = r.vector8();
            paramsLength = 4 + point.length;
            algorithm = r.u16();
            signature = r.vector16();
            r.end();
            if (curveType != 3 || group != EcP256.NAMED_GROUP) {
                throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "not secp256r1");
            }
        } catch (Wire.DecodeException e) {
            throw fail(DECODE_ERROR, FailureCause.OTHER, "bad ServerKeyExchange");
        }
        if (algorithm != Signatures.algorithmOf(peerStatic)
                || (suite == TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8) != (algorithm == ECDSA_SECP256R1_SHA256)) {
            throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "signature algorithm does not fit the key");
        }
        EcP256.Point serverEphemeral = EcP256.decodePoint(point);
        if (serverEphemeral == null) {
            throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "bad ECDH point");
        }
        byte[] signed = sha256(clientRandom, serverRandom, Arrays.copyOf(body, paramsLength));
        if (!Signatures.verify(peerStatic, algorithm, signed, signature)) {
            throw fail(DECRYPT_ERROR, FailureCause.AUTHENTICATION_FAILED, "ServerKeyExchange signature");
        }
        ephemeral = EcP256.generate(hostRandom());
        serverPoint = serverEphemeral;
    }

    private EcP256.Point serverPoint;

    private void certificateRequest(byte[] body) throws Failure {
        try {
            Wire.Reader r = new Wire.Reader(body);
            byte[] types = r.vector8();
            byte[] algorithms = r.vector16();
            r.vector16();
            r.end();
            int own = Signatures.algorithmFor(rawKeyCredentials().ownKey().publicKey());
            boolean algorithm = false;
            for (int i = 0; i + 1 < algorithms.length; i += 2) {
                algorithm |= ((algorithms[i] & 0xFF) << 8 | (algorithms[i + 1] & 0xFF)) == own;
            }
            // ClientCertificateType ecdsa_sign (64) or rsa_sign (1).
            int wanted = own == ECDSA_SECP256R1_SHA256 ? 64 : 1;
            boolean type = false;
            for (byte t : types) {
                type |= t == wanted;
            }
            if (!algorithm || !type) {
                throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "no common signature algorithm");
            }
        } catch (Wire.DecodeException e) {
            throw fail(DECODE_ERROR, FailureCause.OTHER, "bad CertificateRequest");
        }
    }

    private java.security.SecureRandom hostRandom() {
        return host.secureRandom();
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int ownSignatureAlgorithm() {
        return Signatures.algorithmFor(rawKeyCredentials().ownKey().publicKey());
    }

    private byte[] ownSign(byte[] hash) throws Failure {
        try {
            java.security.PrivateKey key = rawKeyCredentials().ownKey().privateKey();
            return Signatures.sign(key, ownSignatureAlgorithm(), hash);
        } catch (java.io.IOException | RuntimeException e) {
            throw fail(INTERNAL_ERROR, FailureCause.OTHER, "cannot sign");
        }
    }

    private org.assure.dtls.RawKeyCredentials rawKeyCredentials() {
        return client ? clientCredentials.rawKey().get() : serverCredentials.rawKey().get();
    }

    private static byte[] signed(int algorithm, byte[] signature) {
        return new Wire.Writer().u16(algorithm).vector16(signature).toByteArray();
    }

    private void rawKeyClientFlight() throws Failure {
        List<FlightItem> items = new ArrayList<>(5);
        if (certificateRequested) {
            items.add(handshake(0, outgoing(Wire.HT_CERTIFICATE, ownCertificateBody())));
        }
        byte[] point = ephemeral.publicKey();
        items.add(handshake(0, outgoing(Wire.HT_CLIENT_KEY_EXCHANGE, new Wire.Writer().vector8(point).toByteArray())));
        keysFromEcdhe(serverPoint);
        if (certificateRequested) {
            byte[] signature = signed(ownSignatureAlgorithm(), ownSign(hash()));
            items.add(handshake(0, outgoing(Wire.HT_CERTIFICATE_VERIFY, signature)));
        }
        items.add(changeCipherSpec());
        items.add(handshake(1, finishedMessage(true)));
        state = State.CLIENT_WAIT_FINISHED;
        newFlight(items, false);
    }

    private void clientKeyExchange() throws Failure {
        if (rawKeys) {
            if (!certificateRequested) {
                // Mutual authentication is the profile's: a server that does not ask for our key is not one of ours.
                throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "no CertificateRequest");
            }
            rawKeyClientFlight();
            return;
        }
        Optional<PskKey> key;
        try {
            key = clientCredentials.psk().map(resolver -> resolver.resolve(hint)).orElse(Optional.empty());
        } catch (RuntimeException e) {
            key = Optional.empty();
        }
        if (key == null || key.isEmpty()) {
            throw fail(INTERNAL_ERROR, FailureCause.OTHER, "no PSK for the server's hint");
        }
        pskKey = key.get();
        byte[] cke = outgoing(Wire.HT_CLIENT_KEY_EXCHANGE, Wire.encodeOpaque16(PskIdentities.encode(pskKey.keyId())));
        keysFromPsk();
        byte[] finished = finishedMessage(true);
        state = State.CLIENT_WAIT_FINISHED;
        newFlight(List.of(handshake(0, cke), changeCipherSpec(),
                handshake(1, finished)), false);
    }

    private void serverFinished(Reassembly.Message m, byte[] raw) throws Failure {
        byte[] expected = KeySchedule.verifyData(master, false, hash());
        if (!MessageDigest.isEqual(expected, m.body())) {
            throw fail(DECRYPT_ERROR, FailureCause.AUTHENTICATION_FAILED, "server Finished wrong");
        }
        transcript.update(raw);
        Optional<UUID> named = serverName;
        if (resumed) {
            PeerIdentity cached = toResume.identity();
            identity = new PeerIdentity(named, PeerIdentity.peerId(named, cached.peerId()), cached.keyId(), cached.type());
            byte[] finished = finishedMessage(true);
            finalFlight = List.of(changeCipherSpec(), handshake(1, finished));
            finalFlightPeerSeq = m.seq();
            send(finalFlight);
        } else if (rawKeys) {
            identity = new PeerIdentity(named, PeerIdentity.peerId(named, peerKey.peer()), peerKey.keyId(),
                    CredentialType.RAW_PUBLIC_KEY);
            if (sessionId.length > 0) {
                toCache = CachedSession.own(master, suite, Bytes.of(sessionId), identity);
            }
        } else {
            identity = new PeerIdentity(named, PeerIdentity.peerId(named, pskKey.peer()), pskKey.keyId(),
                    CredentialType.PSK);
            if (sessionId.length > 0) {
                toCache = CachedSession.own(master, suite, Bytes.of(sessionId), identity);
            }
        }
        complete();
    }

    // ================================================================================================ server

    /**
     * Starts a server handshake on a ClientHello whose cookie was verified, with the credentials the callback chose
     * for it (empty: refused).
     */
    static OwnChannel server(Host host, HandshakeSettings settings, byte[] helloBody, Wire.ClientHello hello,
            int messageSeq, Optional<UUID> peerName, Optional<ServerCredentials> credentials, int earlyAlert,
            SessionCache<Bytes, CachedSession> cache, HandshakeOutcome outcome) {
        OwnChannel channel = new OwnChannel(host, settings, false, outcome);
        channel.earlyAlert = earlyAlert;
        channel.serverCache = cache;
        channel.helloBody = helloBody;
        channel.serverHello = hello;
        channel.serverHelloSeq = messageSeq;
        channel.serverPeerName = peerName;
        channel.selected = credentials;
        return channel;
    }

    private Wire.ClientHello serverHello;
    private int serverHelloSeq;
    private Optional<UUID> serverPeerName;
    private Optional<ServerCredentials> selected;

    /** Answers the ClientHello (after the connection holds this channel). */
    void startServer() {
        Wire.ClientHello ch = serverHello;
        serverHello = null;
        startServer(ch, serverHelloSeq, serverPeerName, selected);
        serverPeerName = null;
        selected = null;
    }

    private void startServer(Wire.ClientHello ch, int messageSeq, Optional<UUID> name,
            Optional<ServerCredentials> credentials) {
        deadline = host.nowMillis() + settings.handshakeTimeoutMillis();
        nextReceiveSeq = messageSeq + 1;
        nextSendSeq = messageSeq;
        try {
            serverHello(ch, messageSeq, name, credentials);
        } catch (Failure e) {
            failed = e;
        }
    }

    /** A failure found before the handshake started (malformed peer name, failing callback); 0 if none. */
    private int earlyAlert;

    private void serverHello(Wire.ClientHello ch, int messageSeq, Optional<UUID> name,
            Optional<ServerCredentials> credentials) throws Failure {
        peerName = name;
        outcome.peerName(name);
        if (earlyAlert != 0) {
            throw fail(earlyAlert, FailureCause.OTHER, "ClientHello refused");
        }
        if (credentials.isEmpty()) {
            // Refused before any key operation (PROFILE §6).
            throw fail(ACCESS_DENIED, FailureCause.UNKNOWN_PEER_NAME, "peer refused");
        }
        serverCredentials = credentials.get();
        if (ch.version > Wire.DTLS12 || ch.version < 0xFE00) {
            // DTLS versions count down: 0xFEFF is 1.0.
            throw fail(PROTOCOL_VERSION, FailureCause.OTHER, "DTLS 1.2 not offered");
        }
        boolean nullCompression = false;
        for (byte c : ch.compressions) {
            nullCompression |= c == 0;
        }
        if (!nullCompression) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "no null compression");
        }
        if (!ch.extensions.containsKey(Wire.EXT_EXTENDED_MASTER_SECRET)) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "extended master secret required");
        }
        byte[] renegotiation = ch.extensions.get(Wire.EXT_RENEGOTIATION_INFO);
        if (renegotiation != null && !(renegotiation.length == 1 && renegotiation[0] == 0)) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "renegotiation_info not empty");
        }
        clientRandom = ch.random;
        transcript.update(Wire.handshakeMessage(Wire.HT_CLIENT_HELLO, messageSeq, helloBody));
        helloBody = null;
        Map<Integer, byte[]> extensions = new LinkedHashMap<>();
        if (renegotiation != null || ch.offers(Wire.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            extensions.put(Wire.EXT_RENEGOTIATION_INFO, new byte[] {0});
        }
        extensions.put(Wire.EXT_EXTENDED_MASTER_SECRET, new byte[0]);
        byte[] mfl = ch.extensions.get(Wire.EXT_MAX_FRAGMENT_LENGTH);
        if (mfl != null) {
            if (mfl.length != 1 || mfl[0] < 1 || mfl[0] > 4) {
                throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "max_fragment_length");
            }
            extensions.put(Wire.EXT_MAX_FRAGMENT_LENGTH, mfl);
            plaintextLimit = 1 << (8 + mfl[0]);
        }
        byte[] heartbeat = ch.extensions.get(Wire.EXT_HEARTBEAT);
        if (heartbeat != null) {
            if (heartbeat.length != 1 || (heartbeat[0] != 1 && heartbeat[0] != 2)) {
                throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "heartbeat mode");
            }
            peerMayReceiveHeartbeats = heartbeat[0] == HEARTBEAT_MODE_PEER_ALLOWED;
            extensions.put(Wire.EXT_HEARTBEAT, new byte[] {HEARTBEAT_MODE_PEER_ALLOWED});
        }
        if (peerName.isPresent() && serverCredentials.serverName().isPresent()) {
            // Only when offered: a client rejects extensions it did not send. Full and resumed handshakes.
            extensions.put(settings.peerNameExtension(), PeerNameExtension.encode(serverCredentials.serverName().get()));
        }
        serverRandom = host.randomBytes(32);
        boolean pskSuite = serverCredentials.psk().isPresent() && ch.offers(Wire.TLS_PSK_WITH_AES_128_CCM_8);
        int ownRawSuite = serverCredentials.rawKey().map(k -> rawSuiteFor(k.ownKey().publicKey())).orElse(0);
        boolean rawSuite = !pskSuite && ownRawSuite != 0 && ch.offers(ownRawSuite);
        suite = rawSuite ? ownRawSuite : Wire.TLS_PSK_WITH_AES_128_CCM_8;
        Wire.ServerHello sh = new Wire.ServerHello();
        sh.version = Wire.DTLS12;
        sh.random = serverRandom;
        sh.compression = 0;
        sh.suite = suite;
        sh.extensions = extensions;
        CachedSession cached = resumable(ch.sessionId);
        if (cached != null && ch.offers(cached.cipherSuite())) {
            resumed = true;
            suite = cached.cipherSuite();
            sh.suite = suite;
            sessionId = ch.sessionId;
            sh.sessionId = sessionId;
            PeerIdentity previous = cached.identity();
            identity = new PeerIdentity(peerName, PeerIdentity.peerId(peerName, previous.peerId()), previous.keyId(),
                    previous.type());
            master = cached.masterSecret().toByteArray();
            byte[] serverHello = outgoing(Wire.HT_SERVER_HELLO, sh.encode());
            deriveKeys();
            byte[] finished = finishedMessage(false);
            state = State.SERVER_RESUME_WAIT_FINISHED;
            newFlight(List.of(handshake(0, serverHello), changeCipherSpec(),
                    handshake(1, finished)), false);
            return;
        }
        if (!pskSuite && !rawSuite) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "no common cipher suite");
        }
        sessionId = serverCache.enabled() ? host.randomBytes(32) : new byte[0];
        sh.sessionId = sessionId;
        if (rawSuite) {
            rawKeyServerFlight(ch, sh);
            return;
        }
        List<FlightItem> items = new ArrayList<>(3);
        items.add(handshake(0, outgoing(Wire.HT_SERVER_HELLO, sh.encode())));
        Optional<byte[]> hintText = serverCredentials.psk().get().hint()
                .map(PskIdentities::hintText);
        if (hintText.isPresent()) {
            items.add(handshake(0, outgoing(Wire.HT_SERVER_KEY_EXCHANGE, Wire.encodeOpaque16(hintText.get()))));
        }
        items.add(handshake(0, outgoing(Wire.HT_SERVER_HELLO_DONE, new byte[0])));
        state = State.SERVER_WAIT_KEY_EXCHANGE;
        newFlight(items, false);
    }

    /** Full ECDHE-ECDSA flight: ServerHello, Certificate, ServerKeyExchange, CertificateRequest, ServerHelloDone. */
    private void rawKeyServerFlight(Wire.ClientHello ch, Wire.ServerHello sh) throws Failure {
        byte[] clientTypes = ch.extensions.get(Wire.EXT_CLIENT_CERTIFICATE_TYPE);
        byte[] serverTypes = ch.extensions.get(Wire.EXT_SERVER_CERTIFICATE_TYPE);
        if (!listsRawKey(clientTypes) || !listsRawKey(serverTypes)) {
            throw fail(UNSUPPORTED_CERTIFICATE, FailureCause.OTHER, "raw public keys not offered");
        }
        byte[] groups = ch.extensions.get(Wire.EXT_SUPPORTED_GROUPS);
        if (groups != null && !listsU16(groups, EcP256.NAMED_GROUP)) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "secp256r1 not offered");
        }
        byte[] algorithms = ch.extensions.get(Wire.EXT_SIGNATURE_ALGORITHMS);
        if (algorithms != null && !listsU16(algorithms, ownSignatureAlgorithm())) {
            throw fail(HANDSHAKE_FAILURE, FailureCause.OTHER, "our signature algorithm not offered");
        }
        rawKeys = true;
        sh.extensions.put(Wire.EXT_SERVER_CERTIFICATE_TYPE, new byte[] {CERTIFICATE_TYPE_RAW_PUBLIC_KEY});
        sh.extensions.put(Wire.EXT_CLIENT_CERTIFICATE_TYPE, new byte[] {CERTIFICATE_TYPE_RAW_PUBLIC_KEY});
        if (ch.extensions.containsKey(Wire.EXT_EC_POINT_FORMATS)) {
            sh.extensions.put(Wire.EXT_EC_POINT_FORMATS, new byte[] {1, 0});
        }
        List<FlightItem> items = new ArrayList<>(5);
        items.add(handshake(0, outgoing(Wire.HT_SERVER_HELLO, sh.encode())));
        items.add(handshake(0, outgoing(Wire.HT_CERTIFICATE, ownCertificateBody())));
        ephemeral = EcP256.generate(hostRandom());
        byte[] point = ephemeral.publicKey();
        byte[] params = new Wire.Writer().u8(3).u16(EcP256.NAMED_GROUP).vector8(point).toByteArray();
        byte[] signature = ownSign(sha256(clientRandom, serverRandom, params));
        byte[] ske = outgoing(Wire.HT_SERVER_KEY_EXCHANGE,
                new Wire.Writer().bytes(params).bytes(signed(ownSignatureAlgorithm(), signature)).toByteArray());
        items.add(handshake(0, ske));
        byte[] request = outgoing(Wire.HT_CERTIFICATE_REQUEST,
                new Wire.Writer().vector8(new byte[] {64, 1}).vector16(new byte[] {4, 3, 4, 1}).u16(0).toByteArray());
        items.add(handshake(0, request));
        items.add(handshake(0, outgoing(Wire.HT_SERVER_HELLO_DONE, new byte[0])));
        state = State.SERVER_WAIT_CERTIFICATE;
        newFlight(items, false);
    }

    private static boolean listsRawKey(byte[] types) {
        if (types == null || types.length < 2 || (types[0] & 0xFF) != types.length - 1) {
            return false;
        }
        for (int i = 1; i < types.length; i++) {
            if (types[i] == CERTIFICATE_TYPE_RAW_PUBLIC_KEY) {
                return true;
            }
        }
        return false;
    }

    /** Whether a u16-length-prefixed list of u16 values holds {@code value}. */
    private static boolean listsU16(byte[] list, int value) {
        if (list.length < 2 || (((list[0] & 0xFF) << 8) | (list[1] & 0xFF)) != list.length - 2) {
            return false;
        }
        for (int i = 2; i + 1 < list.length; i += 2) {
            if ((((list[i] & 0xFF) << 8) | (list[i + 1] & 0xFF)) == value) {
                return true;
            }
        }
        return false;
    }

    /** A cached own session this ClientHello may resume: same named peer, key still offered. */
    private CachedSession resumable(byte[] id) {
        if (id.length == 0 || !serverCache.enabled()) {
            return null;
        }
        Optional<CachedSession> cached = serverCache.get(Bytes.of(id));
        if (cached.isEmpty()) {
            return null;
        }
        PeerIdentity previous = cached.get().identity();
        if (!previous.peerName().equals(peerName)) {
            return null;
        }
        if (previous.type() == CredentialType.RAW_PUBLIC_KEY) {
            // The raw key itself is not re-presented on resumption; the credentials must still offer raw keys.
            return serverCredentials.rawKey().isPresent() ? cached.get() : null;
        }
        boolean stillOffered = serverCredentials.psk().flatMap(offer -> offer.keys().find(previous.keyId()))
                .filter(key -> consistent(key.peer())).isPresent();
        return stillOffered ? cached.get() : null;
    }

    private boolean consistent(Optional<UUID> owner) {
        return peerName.isEmpty() || owner.isEmpty() || owner.equals(peerName);
    }

    private void serverMessage(Reassembly.Message m, byte[] raw) throws Failure {
        switch (state) {
            case SERVER_WAIT_CERTIFICATE -> {
                if (m.type() != Wire.HT_CERTIFICATE) {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
                acceptPeerKey(serverCredentials.rawKey().get(), m.body(), this::consistent);
                transcript.update(raw);
                state = State.SERVER_WAIT_KEY_EXCHANGE;
            }
            case SERVER_WAIT_CERTIFICATE_VERIFY -> {
                if (m.type() != Wire.HT_CERTIFICATE_VERIFY) {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
                int algorithm;
                byte[] signature;
                try {
                    Wire.Reader r = new Wire.Reader(m.body());
                    algorithm = r.u16();
                    signature = r.vector16();
                    r.end();
                } catch (Wire.DecodeException e) {
                    throw fail(DECODE_ERROR, FailureCause.OTHER, "bad CertificateVerify");
                }
                if (algorithm != Signatures.algorithmOf(peerStatic)
                        || !Signatures.verify(peerStatic, algorithm, hash(), signature)) {
                    throw fail(DECRYPT_ERROR, FailureCause.AUTHENTICATION_FAILED, "CertificateVerify");
                }
                transcript.update(raw);
                state = State.SERVER_WAIT_FINISHED;
            }
            case SERVER_WAIT_KEY_EXCHANGE -> {
                if (m.type() != Wire.HT_CLIENT_KEY_EXCHANGE) {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
                if (rawKeys) {
                    byte[] point;
                    try {
                        Wire.Reader r = new Wire.Reader(m.body());
                        point = r.vector8();
                        r.end();
                    } catch (Wire.DecodeException e) {
                        throw fail(DECODE_ERROR, FailureCause.OTHER, "bad ClientKeyExchange");
                    }
                    EcP256.Point clientPoint = EcP256.decodePoint(point);
                    if (clientPoint == null) {
                        throw fail(ILLEGAL_PARAMETER, FailureCause.OTHER, "bad ECDH point");
                    }
                    transcript.update(raw);
                    keysFromEcdhe(clientPoint);
                    state = State.SERVER_WAIT_CERTIFICATE_VERIFY;
                    break;
                }
                byte[] identityBytes;
                try {
                    identityBytes = Wire.decodeOpaque16(m.body());
                } catch (Wire.DecodeException e) {
                    throw fail(DECODE_ERROR, FailureCause.OTHER, "bad ClientKeyExchange");
                }
                Optional<PskKey> key = lookup(identityBytes);
                if (key.isEmpty()) {
                    // decrypt_error, never unknown_psk_identity (PROFILE §6).
                    throw fail(DECRYPT_ERROR, FailureCause.UNKNOWN_PSK_IDENTITY, "unknown PSK identity");
                }
                pskKey = key.get();
                transcript.update(raw);
                keysFromPsk();
                state = State.SERVER_WAIT_FINISHED;
            }
            case SERVER_WAIT_FINISHED, SERVER_RESUME_WAIT_FINISHED -> {
                if (m.type() != Wire.HT_FINISHED) {
                    throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
                }
                byte[] expected = KeySchedule.verifyData(master, true, hash());
                if (!MessageDigest.isEqual(expected, m.body())) {
                    throw fail(DECRYPT_ERROR, FailureCause.AUTHENTICATION_FAILED, "client Finished wrong");
                }
                transcript.update(raw);
                if (state == State.SERVER_WAIT_FINISHED) {
                    identity = rawKeys
                            ? new PeerIdentity(peerName, PeerIdentity.peerId(peerName, peerKey.peer()), peerKey.keyId(),
                                    CredentialType.RAW_PUBLIC_KEY)
                            : new PeerIdentity(peerName, PeerIdentity.peerId(peerName, pskKey.peer()),
                                    pskKey.keyId(), CredentialType.PSK);
                    byte[] finished = finishedMessage(false);
                    finalFlight = List.of(changeCipherSpec(), handshake(1, finished));
                    finalFlightPeerSeq = m.seq();
                    send(finalFlight);
                    if (sessionId.length > 0) {
                        serverCache.put(Bytes.of(sessionId), CachedSession.own(master, suite, Bytes.of(sessionId),
                                identity));
                    }
                }
                complete();
            }
            default -> throw fail(UNEXPECTED_MESSAGE, FailureCause.OTHER, "unexpected message");
        }
    }

    private Optional<PskKey> lookup(byte[] identityBytes) {
        if (serverCredentials.psk().isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> keyId = PskIdentities.decode(identityBytes);
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        try {
            return serverCredentials.psk().get().keys().find(keyId.get()).filter(key -> consistent(key.peer()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // ================================================================================================ common

    private FlightItem changeCipherSpec() {
        return new FlightItem(Wire.CT_CHANGE_CIPHER_SPEC, 0, new byte[] {1});
    }

    private byte[] finishedMessage(boolean fromClient) {
        return outgoing(Wire.HT_FINISHED, KeySchedule.verifyData(master, fromClient, hash()));
    }

    /** Our next handshake message: numbered in sequence and added to the transcript (after {@code body} was made). */
    private byte[] outgoing(int type, byte[] body) {
        byte[] message = Wire.handshakeMessage(type, nextSendSeq++, body);
        transcript.update(message);
        return message;
    }

    /** A flight item holding a handshake message, in the clear (epoch 0) or protected (epoch 1). */
    private static FlightItem handshake(int epoch, byte[] message) {
        return new FlightItem(Wire.CT_HANDSHAKE, epoch, message);
    }

    private byte[] hash() {
        try {
            return ((MessageDigest) transcript.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key block → both directions' ciphers; the write side switches at our ChangeCipherSpec. */
    /** The master secret and the record keys from the ECDHE agreement with {@code peer}; the ephemeral key is spent. */
    private void keysFromEcdhe(EcP256.Point peer) {
        byte[] premaster = EcP256.agree(ephemeral, peer);
        ephemeral.destroy();
        ephemeral = null;
        keysFromPremaster(premaster);
    }

    /** The master secret and the record keys from {@link #pskKey} (RFC 4279 §2 premaster). */
    private void keysFromPsk() {
        byte[] psk = pskKey.secret().toByteArray();
        byte[] premaster = KeySchedule.pskPremasterSecret(psk);
        Arrays.fill(psk, (byte) 0);
        keysFromPremaster(premaster);
    }

    /** Extended master secret over the transcript so far (RFC 7627), then the key block; the premaster is wiped. */
    private void keysFromPremaster(byte[] premaster) {
        master = KeySchedule.extendedMasterSecret(premaster, hash());
        Arrays.fill(premaster, (byte) 0);
        deriveKeys();
    }

    private void deriveKeys() {
        int keyLength = RecordCipher.KEY_LENGTH;
        int saltLength = RecordCipher.SALT_LENGTH;
        byte[] block = KeySchedule.keyBlock(master, clientRandom, serverRandom, 2 * keyLength + 2 * saltLength);
        byte[] clientKey = Arrays.copyOfRange(block, 0, keyLength);
        byte[] serverKey = Arrays.copyOfRange(block, keyLength, 2 * keyLength);
        byte[] clientSalt = Arrays.copyOfRange(block, 2 * keyLength, 2 * keyLength + saltLength);
        byte[] serverSalt = Arrays.copyOfRange(block, 2 * keyLength + saltLength, 2 * keyLength + 2 * saltLength);
        Arrays.fill(block, (byte) 0);
        writeCipher = cipher(client ? clientKey : serverKey, client ? clientSalt : serverSalt, true);
        readCipher = cipher(client ? serverKey : clientKey, client ? serverSalt : clientSalt, false);
        Arrays.fill(clientKey, (byte) 0);
        Arrays.fill(serverKey, (byte) 0);
    }

    private RecordCipher cipher(byte[] key, byte[] salt, boolean encrypt) {
        return suite == TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 ? RecordCipher.gcm(key, salt, encrypt)
                : RecordCipher.ccm8(key, salt, encrypt);
    }

    private Failure fail(int alert, FailureCause cause, String message) {
        outcome.fail(cause);
        outcome.alertRaised((short) ALERT_FATAL, (short) alert);
        sendAlert(ALERT_FATAL, alert);
        return new Failure(message);
    }

    private void complete() {
        state = State.ESTABLISHED;
        completed = true;
        flight = null;
        reassembly = null;
        transcript = null;
        stashed = null;
        hello = null;
        helloMessage = null;
        clientCredentials = null;
        serverCredentials = null;
        serverCache = null;
        toResume = null;
        pskKey = null;
        peerKey = null;
        peerStatic = null;
        ephemeral = null;
        serverPoint = null;
        clientRandom = null;
        serverRandom = null;
        master = null;
        host.armTimer(-1);
    }

    private void failWith(Throwable e) {
        state = State.FAILED;
        failed = e;
        host.armTimer(-1);
        master = null;
        flight = null;
    }

    // ---- flights ------------------------------------------------------------------------------------------

    private void newFlight(List<FlightItem> items, boolean last) {
        flight = items;
        peerFlightStart = nextReceiveSeq;
        retransmitMillis = Math.max(1, settings.resendMillis());
        send(items);
        if (!last) {
            armRetransmission();
        }
    }

    private void armRetransmission() {
        long now = host.nowMillis();
        host.armTimer(Math.max(1, Math.min(retransmitMillis, deadline - now)));
    }

    /** The handshake timer: handshake timeout, else retransmit the current flight with the doubled timer. */
    void onTimer() {
        if (state == State.ESTABLISHED || state == State.FAILED || failed != null) {
            return;
        }
        if (host.nowMillis() >= deadline) {
            outcome.fail(FailureCause.TIMEOUT);
            failWith(new Timeout());
            return;
        }
        if (flight != null) {
            send(flight);
        }
        retransmitMillis = Math.min(retransmitMillis * 2, MAX_RETRANSMISSION_MILLIS);
        armRetransmission();
    }

    /** Encodes the items with fresh sequence numbers, packed into as few datagrams as the path allows. */
    private void send(List<FlightItem> items) {
        int limit = host.datagramLimit();
        byte[] datagram = new byte[limit];
        int length = 0;
        for (FlightItem item : items) {
            RecordCipher cipher = item.epoch() == 1 ? writeCipher : null;
            int overhead = Wire.RECORD_HEADER + (cipher != null ? cipher.overhead() : 0);
            if (item.epoch() == 1) {
                writeEpoch = 1;
            }
            if (item.contentType() != Wire.CT_HANDSHAKE) {
                if (length + overhead + item.payload().length > limit) {
                    host.sendDatagram(datagram, 0, length);
                    length = 0;
                }
                length += writeRecord(datagram, length, item.contentType(), item.epoch(), item.payload(), 0,
                        item.payload().length);
                continue;
            }
            byte[] message = item.payload();
            int bodyLength = message.length - Wire.HANDSHAKE_HEADER;
            int offset = 0;
            do {
                int room = limit - length - overhead - Wire.HANDSHAKE_HEADER;
                if (room < Math.min(bodyLength - offset, 64) && length > 0) {
                    host.sendDatagram(datagram, 0, length);
                    length = 0;
                    room = limit - overhead - Wire.HANDSHAKE_HEADER;
                }
                int n = Math.max(0, Math.min(room, bodyLength - offset));
                byte[] fragment = new byte[Wire.HANDSHAKE_HEADER + n];
                System.arraycopy(message, 0, fragment, 0, 6);
                Wire.put24(fragment, 6, offset);
                Wire.put24(fragment, 9, n);
                System.arraycopy(message, Wire.HANDSHAKE_HEADER + offset, fragment, Wire.HANDSHAKE_HEADER, n);
                length += writeRecord(datagram, length, Wire.CT_HANDSHAKE, item.epoch(), fragment, 0, fragment.length);
                offset += n;
            } while (offset < bodyLength);
        }
        if (length > 0) {
            host.sendDatagram(datagram, 0, length);
        }
    }

    /** Writes one record at {@code at}; returns its length. */
    private int writeRecord(byte[] out, int at, int type, int epoch, byte[] plain, int off, int len) {
        if (epoch == 0) {
            Wire.recordHeader(out, at, type, Wire.DTLS12, 0, writeSeq0++, len);
            System.arraycopy(plain, off, out, at + Wire.RECORD_HEADER, len);
            return Wire.RECORD_HEADER + len;
        }
        long seq = writeSeq1++;
        int written = writeCipher.encrypt(type, Wire.DTLS12, 1, seq, plain, off, len, out, at + Wire.RECORD_HEADER);
        Wire.recordHeader(out, at, type, Wire.DTLS12, 1, seq, written);
        return Wire.RECORD_HEADER + written;
    }

    /** Sends one record in the current write epoch as its own datagram. */
    void sendRecord(int type, byte[] plain, int off, int len) {
        int epoch = writeEpoch;
        byte[] datagram = new byte[Wire.RECORD_HEADER + len + (epoch == 1 ? writeCipher.overhead() : 0)];
        int n = writeRecord(datagram, 0, type, epoch, plain, off, len);
        host.sendDatagram(datagram, 0, n);
    }

    void sendAlert(int level, int description) {
        sendRecord(Wire.CT_ALERT, new byte[] {(byte) level, (byte) description}, 0, 2);
    }

    // ---- established session ------------------------------------------------------------------------------

    /** The largest application payload one record (and datagram) carries. */
    int maxPayloadSize() {
        int overhead = Wire.RECORD_HEADER + (writeCipher != null ? writeCipher.overhead() : 24);
        return Math.max(0, Math.min(plaintextLimit, host.datagramLimit() - overhead));
    }

    /** Sends application data (the caller checked the size). */
    void sendApplicationData(byte[] data, int off, int len) {
        sendRecord(Wire.CT_APPLICATION_DATA, data, off, len);
    }

    /**
     * Heartbeat timers of an established session (RFC 6520): a request after {@code heartbeatIdle} without
     * anything received, resent with a doubling timer, the session over if no response within the timeout.
     */
    void pokeHeartbeat(long lastReceiveMillis) {
        if (state != State.ESTABLISHED || !peerMayReceiveHeartbeats || settings.heartbeatIdleMillis() <= 0) {
            return;
        }
        long now = host.nowMillis();
        if (heartbeatPayload != null) {
            if (now - heartbeatSentAt >= settings.heartbeatTimeoutMillis()) {
                ended = CloseReason.HEARTBEAT_TIMEOUT;
            } else if (now - heartbeatResentAt >= heartbeatResend) {
                heartbeatResentAt = now;
                heartbeatResend = Math.min(heartbeatResend * 2, MAX_RETRANSMISSION_MILLIS);
                sendHeartbeat(HEARTBEAT_REQUEST, heartbeatPayload);
            }
            return;
        }
        if (now - lastReceiveMillis >= settings.heartbeatIdleMillis()) {
            heartbeatPayload = host.randomBytes(16);
            heartbeatSentAt = now;
            heartbeatResentAt = now;
            heartbeatResend = 1000;
            sendHeartbeat(HEARTBEAT_REQUEST, heartbeatPayload);
        }
    }

    private void sendHeartbeat(int type, byte[] payload) {
        byte[] message = new byte[3 + payload.length + 16];
        message[0] = (byte) type;
        message[1] = (byte) (payload.length >>> 8);
        message[2] = (byte) payload.length;
        System.arraycopy(payload, 0, message, 3, payload.length);
        System.arraycopy(host.randomBytes(16), 0, message, 3 + payload.length, 16);
        sendRecord(Wire.CT_HEARTBEAT, message, 0, message.length);
    }

    private void heartbeat(byte[] message) {
        if (message.length < 3) {
            return;
        }
        int type = message[0] & 0xFF;
        int payloadLength = ((message[1] & 0xFF) << 8) | (message[2] & 0xFF);
        // RFC 6520 §4: padding of at least 16 bytes; anything shorter is discarded silently.
        if (3 + payloadLength + 16 > message.length) {
            return;
        }
        byte[] payload = Arrays.copyOfRange(message, 3, 3 + payloadLength);
        if (type == HEARTBEAT_REQUEST) {
            sendHeartbeat(HEARTBEAT_RESPONSE, payload);
        } else if (type == HEARTBEAT_RESPONSE && heartbeatPayload != null && Arrays.equals(payload, heartbeatPayload)) {
            heartbeatPayload = null;
        }
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    /**
     * Processes one datagram. Returns the number of authenticated records (0 with only replays or stale records:
     * the caller counts the datagram as discarded).
     */
    int receive(byte[] datagram) {
        int accepted = 0;
        boolean failedAuthentication = false;
        boolean resent = false;
        int off = 0;
        while (off < datagram.length && failed == null && ended == null && state != State.FAILED) {
            Wire.RecordHeader record = Wire.record(datagram, off, datagram.length);
            if (record == null) {
                break;
            }
            off = record.offset() + record.length();
            if (record.epoch() == 0) {
                resent |= epoch0(datagram, record, resent);
                accepted++;
            } else if (record.epoch() == 1) {
                if (readCipher == null || (!readEpoch1 && state != State.ESTABLISHED)) {
                    // Keys not derived yet, or records overtaking the ChangeCipherSpec: held back.
                    stash(datagram, record);
                    continue;
                }
                if (!replay.acceptable(record.seq())) {
                    continue;
                }
                byte[] plain = readCipher.decrypt(record.type(), record.version(), 1, record.seq(), datagram,
                        record.offset(), record.length());
                if (plain == null) {
                    failedAuthentication = true;
                    host.recordDropped();
                    continue;
                }
                replay.mark(record.seq());
                host.authenticated();
                accepted++;
                resent |= epoch1(record.type(), plain, resent);
            }
        }
        return accepted + (failedAuthentication ? 1 : 0);
    }

    private void stash(byte[] datagram, Wire.RecordHeader record) {
        if (state == State.ESTABLISHED || state == State.FAILED) {
            return;
        }
        if (stashed == null) {
            stashed = new ArrayList<>(2);
        }
        if (stashed.size() < MAX_STASHED) {
            stashed.add(Arrays.copyOfRange(datagram, record.offset() - Wire.RECORD_HEADER,
                    record.offset() + record.length()));
        }
    }

    /** Epoch 0: handshake, ChangeCipherSpec, alerts in the clear. Returns whether a flight was resent. */
    private boolean epoch0(byte[] datagram, Wire.RecordHeader record, boolean resent) {
        switch (record.type()) {
            case Wire.CT_HANDSHAKE -> {
                return handshakeRecord(datagram, record.offset(), record.length(), resent);
            }
            case Wire.CT_CHANGE_CIPHER_SPEC -> {
                if (state != State.ESTABLISHED && record.length() == 1 && datagram[record.offset()] == 1
                        && readCipher != null) {
                    readEpoch1 = true;
                    replayStashed();
                    drive();
                }
            }
            case Wire.CT_ALERT -> {
                // Unauthenticated: only a handshake in progress listens to them.
                if (state != State.ESTABLISHED && record.length() == 2) {
                    alert(datagram[record.offset()] & 0xFF, datagram[record.offset() + 1] & 0xFF);
                }
            }
            default -> {
                // Nothing else is meaningful in epoch 0.
            }
        }
        return false;
    }

    private void replayStashed() {
        List<byte[]> pending = stashed;
        stashed = null;
        if (pending != null) {
            for (byte[] record : pending) {
                receive(record);
            }
        }
    }

    private boolean epoch1(int type, byte[] plain, boolean resent) {
        switch (type) {
            case Wire.CT_APPLICATION_DATA -> {
                if (state == State.ESTABLISHED) {
                    finalFlight = null;
                    host.deliver(plain);
                }
            }
            case Wire.CT_HANDSHAKE -> {
                if (state == State.ESTABLISHED) {
                    return establishedHandshake(plain, resent);
                }
                return handshakeRecord(plain, 0, plain.length, resent);
            }
            case Wire.CT_ALERT -> {
                if (plain.length == 2) {
                    alert(plain[0] & 0xFF, plain[1] & 0xFF);
                }
            }
            case Wire.CT_HEARTBEAT -> {
                if (state == State.ESTABLISHED) {
                    heartbeat(plain);
                }
            }
            default -> {
                // Unknown content types are dropped.
            }
        }
        return false;
    }

    /**
     * A handshake record on an established session: the peer's last flight again (our final flight was lost:
     * resend it), or a renegotiation attempt (refused with a warning, the session goes on).
     */
    private boolean establishedHandshake(byte[] plain, boolean resent) {
        if (plain.length < Wire.HANDSHAKE_HEADER) {
            return false;
        }
        int type = plain[0] & 0xFF;
        if (type == Wire.HT_CLIENT_HELLO || type == Wire.HT_HELLO_REQUEST) {
            renegotiationRefused = true;
            sendAlert(ALERT_WARNING, NO_RENEGOTIATION);
            return false;
        }
        return resendFinalFlight(plain, resent);
    }

    /** Set when a renegotiation attempt was refused (for the drop log). */
    boolean renegotiationRefused;

    private boolean resendFinalFlight(byte[] fragment, boolean resent) {
        if (finalFlight == null || resent || fragment.length < Wire.HANDSHAKE_HEADER) {
            return false;
        }
        int seq = ((fragment[4] & 0xFF) << 8) | (fragment[5] & 0xFF);
        if (seq > finalFlightPeerSeq) {
            return false;
        }
        send(finalFlight);
        return true;
    }

    /** One handshake record's fragment; returns whether a flight was resent for it. */
    private boolean handshakeRecord(byte[] data, int off, int len, boolean resent) {
        if (state == State.ESTABLISHED) {
            return resendFinalFlight(Arrays.copyOfRange(data, off, off + len), resent);
        }
        if (state == State.FAILED) {
            return false;
        }
        Wire.FragmentHeader header;
        try {
            header = Wire.fragment(data, off, len);
        } catch (Wire.DecodeException e) {
            return false;
        }
        if (off + Wire.HANDSHAKE_HEADER + header.fragmentLength() != off + len) {
            // One fragment per record; anything after it is not ours to guess.
            return false;
        }
        if (header.messageSeq() < nextReceiveSeq) {
            // The peer's previous flight again: ours was lost (RFC 6347 §4.2.4), resend it once per datagram. A
            // retransmission of the flight being received now is not answered (our timer does that), else two
            // peers waiting for each other would ping-pong.
            if (!resent && flight != null && header.messageSeq() < peerFlightStart) {
                send(flight);
                return true;
            }
            return false;
        }
        reassembly.add(nextReceiveSeq, header, data, off + Wire.HANDSHAKE_HEADER);
        drive();
        return false;
    }

    /** Processes complete messages in order while the state allows. */
    private void drive() {
        try {
            while (state != State.ESTABLISHED && state != State.FAILED && failed == null) {
                if (!reassembly.isComplete(nextReceiveSeq)) {
                    return;
                }
                boolean finishedNext = waitsForFinished();
                if (finishedNext && !readEpoch1) {
                    return;
                }
                Reassembly.Message m = reassembly.take(nextReceiveSeq);
                nextReceiveSeq++;
                byte[] raw = Wire.handshakeMessage(m.type(), m.seq(), m.body());
                if (client) {
                    clientMessage(m, raw);
                } else {
                    serverMessage(m, raw);
                }
                if (state == State.CLIENT_WAIT_SERVER_HELLO) {
                    // A HelloVerifyRequest: the server counts again from its ServerHello.
                    reassembly.clear();
                }
            }
        } catch (Failure e) {
            failWith(e);
        }
    }

    private boolean waitsForFinished() {
        return state == State.SERVER_WAIT_FINISHED || state == State.SERVER_RESUME_WAIT_FINISHED
                || state == State.CLIENT_WAIT_FINISHED || state == State.CLIENT_RESUME_WAIT_FINISHED;
    }

    private void alert(int level, int description) {
        if (state == State.ESTABLISHED) {
            if (description == CLOSE_NOTIFY) {
                // Answered, as BouncyCastle did; the session is over.
                sendAlert(ALERT_WARNING, CLOSE_NOTIFY);
                ended = CloseReason.PEER_CLOSED;
            } else if (level == ALERT_FATAL) {
                ended = CloseReason.PEER_ALERT;
            }
            return;
        }
        if (level == ALERT_FATAL || description == CLOSE_NOTIFY) {
            outcome.alertReceived((short) ALERT_FATAL, (short) description);
            failWith(new Failure("alert " + description + " received"));
        }
    }
}
