package org.assure.dtls.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Optional;
import java.util.UUID;
import java.util.Vector;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.PskHintCodec;
import org.assure.core.model.Bytes;
import org.assure.core.model.PskHint;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.CredentialType;
import org.assure.dtls.FailureCause;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PskKey;
import org.bouncycastle.tls.AbstractTlsClient;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HeartbeatMode;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsHeartbeat;
import org.bouncycastle.tls.TlsPSKIdentity;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One client handshake: Peer Name Indication out and back, hint-driven PSK, raw keys, resumption. Not
 * thread-safe: BouncyCastle calls it from the handshake thread only.
 */
final class ClientPeer extends AbstractTlsClient {
    private final BcTlsCrypto crypto;
    private final HandshakeSettings settings;
    private final ClientCredentials credentials;
    private final CachedSession toResume;
    private final HandshakeOutcome outcome;
    private final Integer peerNameType;

    private Optional<UUID> serverName = Optional.empty();
    private PskKey pskKey;
    private PeerKey serverKey;
    private PeerIdentity identity;
    private HandshakeResult result;
    private boolean resumed;

    ClientPeer(BcTlsCrypto crypto, HandshakeSettings settings, ClientCredentials credentials,
            Optional<CachedSession> toResume, HandshakeOutcome outcome) {
        super(crypto);
        this.crypto = crypto;
        this.settings = settings;
        this.credentials = credentials;
        this.toResume = toResume.orElse(null);
        this.outcome = outcome;
        this.peerNameType = settings.peerNameExtension();
    }

    /** Who the server proved to be; set once the handshake completed. */
    PeerIdentity identity() {
        return identity;
    }

    /** The negotiated parameters; set once the handshake completed. */
    HandshakeResult result() {
        return result;
    }

    /** Drops handshake-only state; see {@link ServerPeer#releaseHandshakeState()}. */
    void releaseHandshakeState() {
        SessionTrim.afterHandshake(context);
        pskKey = null;
        serverKey = null;
        result = null;
        supportedGroups = null;
        supportedSignatureAlgorithms = null;
        supportedSignatureAlgorithmsCert = null;
    }

    boolean resumedSession() {
        return resumed;
    }

    // ---- protocol settings (DICE profile, PROFILE §6) ------------------------------------------------------

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        int count = (credentials.psk().isPresent() ? 1 : 0) + (credentials.rawKey().isPresent() ? 1 : 0);
        int[] suites = new int[count];
        int i = 0;
        if (credentials.psk().isPresent()) {
            suites[i++] = CipherSuite.TLS_PSK_WITH_AES_128_CCM_8;
        }
        if (credentials.rawKey().isPresent()) {
            suites[i] = RawKeys.suiteFor(credentials.rawKey().get().ownKey());
        }
        return suites;
    }

    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        Vector<Integer> groups = new Vector<>();
        groups.add(NamedGroup.secp256r1);
        return groups;
    }

    @Override
    protected short[] getAllowedClientCertificateTypes() {
        return credentials.rawKey().isPresent() ? new short[] {CertificateType.RawPublicKey} : null;
    }

    @Override
    protected short[] getAllowedServerCertificateTypes() {
        return credentials.rawKey().isPresent() ? new short[] {CertificateType.RawPublicKey} : null;
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
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        outcome.alertRaised(alertLevel, alertDescription);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        outcome.alertReceived(alertLevel, alertDescription);
    }

    // ---- extensions ---------------------------------------------------------------------------------------

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        if (credentials.ownName().isPresent()) {
            put(extensions, peerNameType, PeerNameExtension.encode(credentials.ownName().get()));
        }
        if (settings.maxFragmentLength() > 0) {
            TlsExtensionsUtils.addMaxFragmentLengthExtension(extensions, settings.maxFragmentLength());
        }
        return extensions;
    }

    @SuppressWarnings("unchecked")
    private static void put(Hashtable extensions, Integer type, byte[] data) {
        extensions.put(type, data);
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        byte[] data = TlsUtils.getExtensionData(serverExtensions, peerNameType);
        if (data != null) {
            checkServerName(PeerNameExtension.decode(data));
        }
    }

    private void checkServerName(Optional<UUID> name) throws IOException {
        if (name.isEmpty()) {
            outcome.fail(FailureCause.OTHER);
            throw new TlsFatalAlert(AlertDescription.decode_error, "malformed peer name");
        }
        if (credentials.expectedServerName().isPresent() && !credentials.expectedServerName().equals(name)) {
            outcome.fail(FailureCause.UNEXPECTED_PEER_NAME);
            throw new TlsFatalAlert(AlertDescription.access_denied, "unexpected server name");
        }
        serverName = name;
        outcome.peerName(name);
    }

    // ---- resumption ---------------------------------------------------------------------------------------

    @Override
    public TlsSession getSessionToResume() {
        return toResume == null ? null : toResume.session();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        result = HandshakeResult.of(context);
        resumed = toResume != null && result.sessionId().equals(Bytes.of(toResume.session().getSessionID()));
        if (resumed) {
            // BouncyCastle does not call processServerExtensions on resumption: the name is the one the full
            // handshake saved with the session.
            byte[] data = TlsUtils.getExtensionData(
                    context.getSession().exportSessionParameters().readServerExtensions(), peerNameType);
            if (data != null) {
                checkServerName(PeerNameExtension.decode(data));
            }
            PeerIdentity cached = toResume.identity();
            identity = new PeerIdentity(serverName, PeerIdentity.peerId(serverName, cached.peerId()), cached.keyId(),
                    cached.type());
            return;
        }
        if (pskKey != null) {
            identity = new PeerIdentity(serverName, PeerIdentity.peerId(serverName, pskKey.peer()), pskKey.keyId(),
                    CredentialType.PSK);
        } else if (serverKey != null) {
            identity = new PeerIdentity(serverName, PeerIdentity.peerId(serverName, serverKey.peer()),
                    serverKey.keyId(), CredentialType.RAW_PUBLIC_KEY);
        } else {
            outcome.fail(FailureCause.AUTHENTICATION_FAILED);
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "server did not authenticate");
        }
    }

    // ---- PSK ----------------------------------------------------------------------------------------------

    @Override
    public TlsPSKIdentity getPSKIdentity() {
        if (credentials.psk().isEmpty()) {
            return null;
        }
        return new TlsPSKIdentity() {
            private Optional<PskHint> hint = Optional.empty();

            @Override
            public void skipIdentityHint() {
                hint = Optional.empty();
            }

            @Override
            public void notifyIdentityHint(byte[] psk_identity_hint) {
                try {
                    hint = Optional.of(PskHintCodec.fromText(new String(psk_identity_hint, StandardCharsets.US_ASCII)));
                } catch (CborDecodeException | RuntimeException e) {
                    // Not an aSSURE hint (e.g. a plain DICE server's text): resolve as if none was sent.
                    hint = Optional.empty();
                }
            }

            @Override
            public byte[] getPSKIdentity() {
                return PskIdentities.encode(key().keyId());
            }

            @Override
            public byte[] getPSK() {
                return key().secret().toByteArray();
            }

            private PskKey key() {
                if (pskKey == null) {
                    Optional<PskKey> resolved = credentials.psk().get().resolve(hint);
                    if (resolved == null || resolved.isEmpty()) {
                        outcome.fail(FailureCause.OTHER);
                        throw new IllegalStateException("no PSK for the server's hint");
                    }
                    pskKey = resolved.get();
                }
                return pskKey;
            }
        };
    }

    // ---- raw public keys ----------------------------------------------------------------------------------

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                Bytes spki = RawKeys.peerKey(serverCertificate.getCertificate());
                Optional<PeerKey> accepted = credentials.rawKey().flatMap(raw -> raw.peerKeys().find(spki));
                if (accepted.isEmpty() || !consistent(accepted.get().peer())) {
                    outcome.fail(FailureCause.BAD_PEER_KEY);
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, "server key not accepted");
                }
                serverKey = accepted.get();
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) throws IOException {
                if (credentials.rawKey().isEmpty()) {
                    return null;
                }
                return RawKeys.signer(context, crypto, credentials.rawKey().get().ownKey());
            }
        };
    }

    private boolean consistent(Optional<UUID> owner) {
        return serverName.isEmpty() || owner.isEmpty() || owner.equals(serverName);
    }
}
