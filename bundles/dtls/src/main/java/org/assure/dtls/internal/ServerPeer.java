package org.assure.dtls.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Optional;
import java.util.UUID;
import java.util.Vector;
import org.assure.core.cbor.PskHintCodec;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.FailureCause;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.ServerCredentials;
import org.bouncycastle.tls.AbstractTlsServer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.HeartbeatMode;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsHeartbeat;
import org.bouncycastle.tls.TlsPSKIdentityManager;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One server handshake: Peer Name Indication, the credential callback, PSK hints and identities, raw keys, and
 * session resumption. Not thread-safe: BouncyCastle calls it from the handshake thread only.
 */
final class ServerPeer extends AbstractTlsServer {
    private static final int[] SUITES = {CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256};

    private final BcTlsCrypto crypto;
    private final HandshakeSettings settings;
    private final DtlsServerCredentials callback;
    private final SessionCache<Bytes, CachedSession> cache;
    private final Address peer;
    private final HandshakeOutcome outcome;
    private final Integer peerNameType;

    private Optional<UUID> peerName = Optional.empty();
    private ServerCredentials credentials;
    private TlsCredentials signer;
    private PskKey pskKey;
    private PeerKey peerKey;
    private CachedSession resumed;
    private PeerIdentity identity;
    private HandshakeResult result;

    ServerPeer(BcTlsCrypto crypto, HandshakeSettings settings, DtlsServerCredentials callback,
            SessionCache<Bytes, CachedSession> cache, Address peer, HandshakeOutcome outcome) {
        super(crypto);
        this.crypto = crypto;
        this.settings = settings;
        this.callback = callback;
        this.cache = cache;
        this.peer = peer;
        this.outcome = outcome;
        this.peerNameType = settings.peerNameExtension();
    }

    /** Who the client proved to be; set once the handshake completed. */
    PeerIdentity identity() {
        return identity;
    }

    /** The negotiated parameters; set once the handshake completed. */
    HandshakeResult result() {
        return result;
    }

    /**
     * Drops handshake-only state. BouncyCastle's record layer keeps this peer for the session's lifetime (for
     * alert callbacks), so what it holds is paid for by every idle session.
     */
    void releaseHandshakeState() {
        SessionTrim.afterHandshake(context);
        credentials = null;
        signer = null;
        pskKey = null;
        peerKey = null;
        resumed = null;
        result = null;
        clientExtensions = null;
        serverExtensions.clear();
        offeredCipherSuites = null;
        clientProtocolNames = null;
        statusRequestV2 = null;
        trustedCAKeys = null;
    }

    boolean resumedSession() {
        return resumed != null;
    }

    // ---- protocol settings (DICE profile, PROFILE §6) ------------------------------------------------------

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return SUITES.clone();
    }

    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    protected boolean isSelectableCipherSuite(int cipherSuite, int availCurveBits, int availFiniteFieldBits,
            Vector sigAlgs) {
        return offers(cipherSuite) && super.isSelectableCipherSuite(cipherSuite, availCurveBits, availFiniteFieldBits, sigAlgs);
    }

    private boolean offers(int cipherSuite) {
        if (credentials == null) {
            return false;
        }
        if (cipherSuite == CipherSuite.TLS_PSK_WITH_AES_128_CCM_8) {
            return credentials.psk().isPresent();
        }
        return credentials.rawKey().map(raw -> RawKeys.suiteFor(raw.ownKey()) == cipherSuite).orElse(false);
    }

    @Override
    public int[] getSupportedGroups() {
        return new int[] {NamedGroup.secp256r1};
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return settings.handshakeTimeoutMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return settings.resendMillis();
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public boolean shouldUseGMTUnixTime() {
        return false;
    }

    @Override
    public TlsHeartbeat getHeartbeat() {
        return settings.heartbeat();
    }

    @Override
    public short getHeartbeatPolicy() {
        return HeartbeatMode.peer_allowed_to_send;
    }

    @Override
    protected short[] getAllowedClientCertificateTypes() {
        return new short[] {CertificateType.RawPublicKey};
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        outcome.alertRaised(alertLevel, alertDescription);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        outcome.alertReceived(alertLevel, alertDescription);
    }

    // ---- Peer Name Indication and the credential callback -------------------------------------------------

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        byte[] data = TlsUtils.getExtensionData(clientExtensions, peerNameType);
        if (data != null) {
            peerName = PeerNameExtension.decode(data);
            if (peerName.isEmpty()) {
                outcome.fail(FailureCause.OTHER);
                throw new TlsFatalAlert(AlertDescription.decode_error, "malformed peer name");
            }
        }
        outcome.peerName(peerName);
        Optional<ServerCredentials> selected;
        try {
            selected = callback.select(peer, peerName);
        } catch (RuntimeException e) {
            outcome.fail(FailureCause.OTHER);
            throw new TlsFatalAlert(AlertDescription.internal_error, "credential callback failed", e);
        }
        if (selected == null || selected.isEmpty()) {
            // Refused before any key operation (PROFILE §6).
            outcome.fail(FailureCause.UNKNOWN_PEER_NAME);
            throw new TlsFatalAlert(AlertDescription.access_denied, "peer refused");
        }
        credentials = selected.get();
        super.processClientExtensions(clientExtensions);
    }

    @Override
    public void getServerExtensionsForConnection(Hashtable serverExtensions) throws IOException {
        super.getServerExtensionsForConnection(serverExtensions);
        // Only when offered: a client rejects extensions it did not send (RFC 5246 §7.4.1.4). Full and resumed.
        if (peerName.isPresent() && credentials.serverName().isPresent()) {
            serverExtensions.put(peerNameType, PeerNameExtension.encode(credentials.serverName().get()));
        }
    }

    // ---- credentials --------------------------------------------------------------------------------------

    @Override
    public TlsCredentials getCredentials() throws IOException {
        int keyExchange = TlsUtils.getKeyExchangeAlgorithm(selectedCipherSuite);
        if (keyExchange != KeyExchangeAlgorithm.ECDHE_ECDSA && keyExchange != KeyExchangeAlgorithm.ECDHE_RSA) {
            return null;
        }
        if (signer == null) {
            OwnKey own = credentials.rawKey().orElseThrow(() -> new TlsFatalAlert(AlertDescription.internal_error)).ownKey();
            signer = RawKeys.signer(context, crypto, own);
        }
        return signer;
    }

    @Override
    public CertificateRequest getCertificateRequest() throws IOException {
        int keyExchange = TlsUtils.getKeyExchangeAlgorithm(selectedCipherSuite);
        if (keyExchange != KeyExchangeAlgorithm.ECDHE_ECDSA && keyExchange != KeyExchangeAlgorithm.ECDHE_RSA) {
            return null;
        }
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        Bytes spki = RawKeys.peerKey(clientCertificate);
        Optional<PeerKey> accepted = credentials.rawKey().flatMap(raw -> raw.peerKeys().find(spki));
        if (accepted.isEmpty() || !consistent(accepted.get().peer())) {
            outcome.fail(FailureCause.BAD_PEER_KEY);
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "peer key not accepted");
        }
        peerKey = accepted.get();
    }

    /** A credential's owner must be the peer the client named, if both are known. */
    private boolean consistent(Optional<UUID> owner) {
        return peerName.isEmpty() || owner.isEmpty() || owner.equals(peerName);
    }

    @Override
    public TlsPSKIdentityManager getPSKIdentityManager() {
        return new TlsPSKIdentityManager() {
            @Override
            public byte[] getHint() {
                return credentials.psk()
                        .flatMap(offer -> offer.hint())
                        .map(hint -> PskHintCodec.toText(hint).getBytes(StandardCharsets.US_ASCII))
                        .orElse(null);
            }

            @Override
            public byte[] getPSK(byte[] identity) {
                Optional<PskKey> key = lookup(identity);
                if (key.isEmpty()) {
                    // BouncyCastle answers unknown_psk_identity; AssureServerProtocol turns it into decrypt_error.
                    outcome.fail(FailureCause.UNKNOWN_PSK_IDENTITY);
                    return null;
                }
                pskKey = key.get();
                return pskKey.secret().toByteArray();
            }
        };
    }

    private Optional<PskKey> lookup(byte[] identity) {
        if (credentials.psk().isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> keyId = PskIdentities.decode(identity);
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        return credentials.psk().get().keys().find(keyId.get()).filter(key -> consistent(key.peer()));
    }

    // ---- session resumption -------------------------------------------------------------------------------

    @Override
    public byte[] getNewSessionID() {
        if (!cache.enabled()) {
            return null;
        }
        byte[] id = new byte[32];
        crypto.getSecureRandom().nextBytes(id);
        return id;
    }

    @Override
    public TlsSession getSessionToResume(byte[] sessionID) {
        if (sessionID == null || sessionID.length == 0 || !cache.enabled()) {
            return null;
        }
        Optional<CachedSession> cached = cache.get(Bytes.of(sessionID));
        if (cached.isEmpty() || cached.get().isOwn() || !stillAccepted(cached.get().identity())) {
            return null;
        }
        resumed = cached.get();
        return resumed.session();
    }

    /** A cached session resumes only for the same named peer and while the credentials still accept its key. */
    private boolean stillAccepted(PeerIdentity cached) {
        if (!cached.peerName().equals(peerName)) {
            return false;
        }
        if (cached.type() == CredentialType.PSK) {
            return credentials.psk().flatMap(offer -> offer.keys().find(cached.keyId()))
                    .filter(key -> consistent(key.peer())).isPresent();
        }
        // The raw key itself is not re-presented on resumption; the credentials must still offer raw keys.
        return credentials.rawKey().isPresent();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        result = HandshakeResult.of(context);
        if (resumed != null) {
            identity = new PeerIdentity(peerName, PeerIdentity.peerId(peerName, resumed.identity().peerId()),
                    resumed.identity().keyId(), resumed.identity().type());
            return;
        }
        if (pskKey != null) {
            identity = new PeerIdentity(peerName, PeerIdentity.peerId(peerName, pskKey.peer()), pskKey.keyId(),
                    CredentialType.PSK);
        } else if (peerKey != null) {
            identity = new PeerIdentity(peerName, PeerIdentity.peerId(peerName, peerKey.peer()), peerKey.keyId(),
                    CredentialType.RAW_PUBLIC_KEY);
        } else {
            outcome.fail(FailureCause.AUTHENTICATION_FAILED);
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client did not authenticate");
        }
        if (cache.enabled() && !result.sessionId().isEmpty()) {
            cache.put(result.sessionId(), new CachedSession(result.session(), identity));
        }
    }
}
