package org.assure.dtls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;

/**
 * Credentials held in memory, for tests and the authority: this side's UUID and raw key, the secrets it knows,
 * the trusted keys it may derive secrets from, and its peers. Implements the server callback and makes
 * {@link ClientCredentials} per server. Thread-safe; changes apply to later handshakes.
 *
 * <p>Server: a client naming itself (Peer Name Indication) must be a known peer, and gets that peer's PSK hint
 * and raw keys only; a client without a name is identified by a PSK identity or raw key belonging to some peer.
 *
 * <p>Client (hint-driven PSK, PROFILE §6): a key-id hint is accepted if this side knows the secret; a key
 * definition or chain is derived in order through core's {@link DerivedSecrets}, and only through shared-secret
 * references — an envelope to this side's public key proves nothing about the server, since anyone can make one.
 * If the server's peer entry names a PSK, the hint must lead to that key.
 */
public final class InMemoryCredentials implements DtlsServerCredentials {
    private static final int SHARED_SECRET_MIN = 16;

    private final UUID ownName;
    private final Map<UUID, SecretBytes> secrets = new ConcurrentHashMap<>();
    private final Map<UUID, TrustedKey> trustedKeys = new ConcurrentHashMap<>();
    private final Map<UUID, Peer> peers = new ConcurrentHashMap<>();
    private volatile OwnKey ownKey;

    /**
     * A peer this side talks to.
     *
     * @param name    the peer's UUID (its Peer Name Indication)
     * @param psk     the PSK used with it: the hint a server sends (its {@link PskHint#pskKeyId()} is the key the
     *                peer must use); empty if PSK is not used with this peer
     * @param rawKeys the peer's raw public keys: key UUID → DER SubjectPublicKeyInfo
     */
    public record Peer(UUID name, Optional<PskHint> psk, Map<UUID, Bytes> rawKeys) {
        public Peer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(psk, "psk");
            rawKeys = Map.copyOf(rawKeys);
        }

        /** A peer using the PSK {@code hint} names. */
        public static Peer withPsk(UUID name, PskHint hint) {
            return new Peer(name, Optional.of(hint), Map.of());
        }

        /** A peer using the raw public key {@code spki} with UUID {@code keyId}. */
        public static Peer withRawKey(UUID name, UUID keyId, Bytes spki) {
            return new Peer(name, Optional.empty(), Map.of(keyId, spki));
        }
    }

    public InMemoryCredentials(UUID ownName) {
        this.ownName = Objects.requireNonNull(ownName, "ownName");
    }

    public UUID ownName() {
        return ownName;
    }

    /** A shared or derived secret this side knows, usable as a PSK. */
    public InMemoryCredentials putSecret(UUID keyId, SecretBytes secret) {
        Objects.requireNonNull(keyId, "keyId");
        if (Objects.requireNonNull(secret, "secret").isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
        secrets.put(keyId, secret);
        return this;
    }

    /** A trusted key other secrets may be derived from (e.g. the device secret). */
    public InMemoryCredentials putTrustedKey(TrustedKey key) {
        trustedKeys.put(key.keyId(), key);
        return this;
    }

    /** The raw key pair this side presents. */
    public InMemoryCredentials ownKey(OwnKey key) {
        this.ownKey = Objects.requireNonNull(key, "key");
        return this;
    }

    public InMemoryCredentials putPeer(Peer peer) {
        peers.put(peer.name(), peer);
        return this;
    }

    public InMemoryCredentials removePeer(UUID name) {
        peers.remove(name);
        return this;
    }

    // ---- server -------------------------------------------------------------------------------------------

    @Override
    public Optional<ServerCredentials> select(Address peer, Optional<UUID> peerName) {
        List<Peer> candidates;
        if (peerName.isPresent()) {
            Peer named = peers.get(peerName.get());
            if (named == null) {
                return Optional.empty();
            }
            candidates = List.of(named);
        } else {
            candidates = new ArrayList<>(peers.values());
        }
        Optional<PskOffer> psk = pskOffer(candidates, peerName.isPresent());
        OwnKey key = ownKey;
        Optional<RawKeyCredentials> raw = key != null && candidates.stream().anyMatch(p -> !p.rawKeys().isEmpty())
                ? Optional.of(new RawKeyCredentials(key, spki -> findRawKey(candidates, spki)))
                : Optional.empty();
        if (psk.isEmpty() && raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerCredentials(Optional.of(ownName), psk, raw));
    }

    private Optional<PskOffer> pskOffer(List<Peer> candidates, boolean named) {
        List<Peer> withPsk = candidates.stream().filter(p -> p.psk().isPresent()).toList();
        if (withPsk.isEmpty()) {
            return Optional.empty();
        }
        // A hint only for a named peer: without a name the server does not know which hint applies.
        Optional<PskHint> hint = named ? withPsk.get(0).psk() : Optional.empty();
        PskKeyLookup lookup = keyId -> withPsk.stream()
                .filter(p -> p.psk().get().pskKeyId().equals(keyId))
                .findFirst()
                .flatMap(p -> knownSecret(keyId).map(secret -> new PskKey(keyId, Optional.of(p.name()), secret)));
        return Optional.of(new PskOffer(hint, lookup));
    }

    private static Optional<PeerKey> findRawKey(List<Peer> candidates, Bytes spki) {
        Bytes normalized = normalize(spki);
        if (normalized == null) {
            return Optional.empty();
        }
        for (Peer peer : candidates) {
            for (Map.Entry<UUID, Bytes> key : peer.rawKeys().entrySet()) {
                if (normalized.equals(normalize(key.getValue()))) {
                    return Optional.of(new PeerKey(key.getKey(), Optional.of(peer.name())));
                }
            }
        }
        return Optional.empty();
    }

    /** Normalized SPKIs (a pure function of the input; parsing a key per candidate per handshake was measurable). */
    private static final Map<Bytes, Bytes> NORMALIZED = new ConcurrentHashMap<>();

    /** The SPKI re-encoded from its parsed key, so that equal keys compare equal whatever encoding they came in. */
    private static Bytes normalize(Bytes spki) {
        Bytes known = NORMALIZED.get(spki);
        if (known != null) {
            return known;
        }
        Bytes normalized = parseAndEncode(spki);
        if (normalized != null) {
            if (NORMALIZED.size() >= 4096) {
                NORMALIZED.clear();
            }
            NORMALIZED.put(spki, normalized);
        }
        return normalized;
    }

    private static Bytes parseAndEncode(Bytes spki) {
        for (KeyFormat format : List.of(KeyFormat.EC, KeyFormat.RSA)) {
            try {
                return Keys.encodePublic(Keys.publicKey(format, spki));
            } catch (CryptoException | RuntimeException e) {
                // try the other format
            }
        }
        return null;
    }

    private Optional<SecretBytes> knownSecret(UUID keyId) {
        SecretBytes secret = secrets.get(keyId);
        if (secret != null) {
            return Optional.of(secret);
        }
        TrustedKey trusted = trustedKeys.get(keyId);
        return trusted == null ? Optional.empty() : trusted.secret();
    }

    // ---- client -------------------------------------------------------------------------------------------

    /**
     * Credentials for connecting to {@code serverName}: Peer Name Indication both ways, PSK if the server's peer
     * entry has a PSK (or none is configured), raw keys if this side has a key pair and the entry lists keys.
     *
     * @throws IllegalArgumentException if neither PSK nor raw keys can be used with that server
     */
    public ClientCredentials clientFor(UUID serverName) {
        Peer server = peers.get(serverName);
        Optional<UUID> expectedKey = server == null ? Optional.empty() : server.psk().map(PskHint::pskKeyId);
        boolean rawKeys = server != null && !server.rawKeys().isEmpty() && ownKey != null;
        boolean psk = server == null || server.psk().isPresent() || !rawKeys;
        Optional<PskResolver> resolver = psk ? Optional.of(hint -> resolveHint(hint, expectedKey)) : Optional.empty();
        Optional<RawKeyCredentials> raw = rawKeys
                ? Optional.of(new RawKeyCredentials(ownKey, spki -> findRawKey(List.of(server), spki)))
                : Optional.empty();
        return new ClientCredentials(Optional.of(ownName), Optional.of(serverName), resolver, raw);
    }

    private Optional<PskKey> resolveHint(Optional<PskHint> hint, Optional<UUID> expectedKey) {
        if (hint.isEmpty()) {
            return expectedKey.flatMap(id -> knownSecret(id).map(secret -> PskKey.of(id, secret)));
        }
        UUID keyId = hint.get().pskKeyId();
        if (expectedKey.isPresent() && !expectedKey.get().equals(keyId)) {
            return Optional.empty();
        }
        Optional<SecretBytes> known = knownSecret(keyId);
        if (known.isPresent()) {
            return Optional.of(PskKey.of(keyId, known.get()));
        }
        List<DerivedSecretKey> chain = List.of();
        if (hint.get() instanceof PskHint.KeyDefinitionHint definition) {
            chain = List.of(definition.key());
        } else if (hint.get() instanceof PskHint.KeyChainHint keys) {
            chain = keys.keys();
        }
        return derive(chain).map(secret -> PskKey.of(keyId, secret));
    }

    private Optional<SecretBytes> derive(List<DerivedSecretKey> chain) {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, TrustedKey> derived = new ConcurrentHashMap<>();
        TrustedKeys view = id -> {
            TrustedKey key = derived.get(id);
            if (key == null) {
                key = trustedKeys.get(id);
            }
            SecretBytes secret = secrets.get(id);
            if (key == null && secret != null && secret.length() >= SHARED_SECRET_MIN) {
                key = TrustedKey.secretAnchor(id, IdentityClass.CHANNEL, secret);
            }
            return Optional.ofNullable(key);
        };
        SecretBytes last = null;
        for (DerivedSecretKey key : chain) {
            // Only shared-secret references: their derivation proves the server knows the reference secret.
            List<Derivation> usable = key.derivations().stream()
                    .filter(d -> view.find(d.referenceKeyId()).flatMap(TrustedKey::secret).isPresent())
                    .toList();
            if (usable.isEmpty()) {
                return Optional.empty();
            }
            Optional<SecretBytes> secret;
            try {
                secret = DerivedSecrets.resolve(new DerivedSecretKey(key.keyId(), usable), view);
            } catch (CryptoException e) {
                return Optional.empty();
            }
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            last = secret.get();
            derived.put(key.keyId(), TrustedKey.derivedAnchor(key, IdentityClass.CHANNEL, last));
        }
        return Optional.ofNullable(last);
    }
}
