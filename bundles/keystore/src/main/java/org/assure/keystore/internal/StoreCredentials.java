package org.assure.keystore.internal;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PeerKeyLookup;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskKeyLookup;
import org.assure.dtls.PskOffer;
import org.assure.dtls.PskResolver;
import org.assure.dtls.RawKeyCredentials;
import org.assure.dtls.ServerCredentials;
import org.assure.keystore.ChannelKeyDirectory;
import org.assure.keystore.ChannelKeys;
import org.assure.keystore.KeystoreCredentials;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;

/**
 * DTLS credentials over a keystore view, looked up at handshake time so that key changes apply to the next
 * handshake (PROFILE §6). Thread-safe: every lookup reads one published snapshot.
 */
final class StoreCredentials implements KeystoreCredentials {
    /** The key id reported for a bootstrap server's raw key accepted provisionally (its real id is not known yet). */
    static final UUID PROVISIONAL = new UUID(0, 0);
    private static final int MIN_SHARED_SECRET = 16;

    private final StateView view;

    StoreCredentials(StateView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    @Override
    public ClientCredentials client(ChannelKeys channel) throws KeystoreException {
        Objects.requireNonNull(channel, "channel");
        TrustedKey local = find(channel.localKeyId());
        Optional<TrustedKey> peerKey = channel.peerKeyId().isPresent() ? Optional.of(find(channel.peerKeyId().get()))
                : Optional.empty();
        Optional<UUID> peerName = channel.peerName().or(() -> peerKey.flatMap(StoreCredentials::owner));
        if (local.format() == KeyFormat.DERIVED_SECRET) {
            SecretBytes secret = local.secret().orElseThrow(() -> new KeystoreException(Reason.KEY_NOT_USABLE));
            if (peerKey.isPresent() && !peerKey.get().keyId().equals(local.keyId())) {
                throw new KeystoreException(Reason.KEY_NOT_USABLE);
            }
            PskKey psk = new PskKey(local.keyId(), peerName, secret);
            // The server's hint, if any, must name this channel's key: a hint for another key is another channel.
            PskResolver resolver = hint -> hint.isEmpty() || hint.get().pskKeyId().equals(local.keyId())
                    ? Optional.of(psk) : Optional.empty();
            return new ClientCredentials(Optional.of(view.deviceId()), peerName, Optional.of(resolver), Optional.empty());
        }
        OwnKey own = ownKey(local).orElseThrow(() -> new KeystoreException(Reason.KEY_NOT_USABLE));
        if (peerKey.isPresent() && peerKey.get().publicKey().isEmpty()) {
            throw new KeystoreException(Reason.KEY_NOT_USABLE);
        }
        if (peerKey.isEmpty() && peerName.isEmpty()) {
            throw new KeystoreException(Reason.KEY_NOT_USABLE);
        }
        ChannelKeys resolved = new ChannelKeys(channel.localKeyId(), channel.peerKeyId(), peerName);
        return new ClientCredentials(Optional.of(view.deviceId()), peerName, Optional.empty(),
                Optional.of(new RawKeyCredentials(own, spki -> peerKeyFor(List.of(resolved), Optional.empty(), spki))));
    }

    @Override
    public DtlsServerCredentials server(ChannelKeyDirectory directory) {
        Objects.requireNonNull(directory, "directory");
        return (Address peer, Optional<UUID> peerName) -> select(directory.channelsFor(peer, peerName), peerName);
    }

    private Optional<ServerCredentials> select(List<ChannelKeys> channels, Optional<UUID> peerName) {
        // In the directory's order, so that the hint names the first PSK channel listed.
        Map<UUID, ChannelKeys> pskChannels = new LinkedHashMap<>();
        List<ChannelKeys> rawChannels = new ArrayList<>();
        OwnKey own = null;
        for (ChannelKeys channel : channels) {
            Optional<TrustedKey> local = view.trustedKeys().find(channel.localKeyId());
            if (local.isEmpty()) {
                continue;
            }
            if (local.get().format() == KeyFormat.DERIVED_SECRET && local.get().secret().isPresent()) {
                pskChannels.putIfAbsent(channel.localKeyId(), channel);
            } else if (own == null || own.keyId().equals(channel.localKeyId())) {
                // One raw key per handshake: the first channel's own key decides which channels can use raw keys.
                Optional<OwnKey> candidate = ownKey(local.get());
                if (candidate.isPresent()) {
                    own = candidate.get();
                    rawChannels.add(channel);
                }
            }
        }
        Optional<PskOffer> psk = Optional.empty();
        if (!pskChannels.isEmpty()) {
            Optional<PskHint> hint = peerName.isPresent()
                    ? Optional.of(new PskHint.KeyIdHint(pskChannels.keySet().iterator().next()))
                    : Optional.empty();
            PskKeyLookup lookup = keyId -> Optional.ofNullable(pskChannels.get(keyId))
                    .flatMap(channel -> view.trustedKeys().find(keyId)
                            .flatMap(TrustedKey::secret)
                            .map(secret -> new PskKey(keyId, channel.peerName().or(() -> peerName), secret)));
            psk = Optional.of(new PskOffer(hint, lookup));
        }
        Optional<RawKeyCredentials> raw = own == null ? Optional.empty()
                : Optional.of(new RawKeyCredentials(own, spki -> peerKeyFor(rawChannels, peerName, spki)));
        if (psk.isEmpty() && raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerCredentials(Optional.of(view.deviceId()), psk, raw));
    }

    /**
     * The channel key the peer's raw public key is: the channel's named peer key, or — when the channel names
     * none — any stored key owned by the peer (PROFILE §6).
     */
    private Optional<PeerKey> peerKeyFor(List<ChannelKeys> channels, Optional<UUID> indicatedName, Bytes spki) {
        Optional<Bytes> presented = normalize(spki);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        TrustedKeys trusted = view.trustedKeys();
        for (ChannelKeys channel : channels) {
            Optional<UUID> name = channel.peerName().or(() -> indicatedName);
            if (channel.peerKeyId().isPresent()) {
                Optional<TrustedKey> key = trusted.find(channel.peerKeyId().get());
                if (key.isPresent() && matches(key.get(), presented.get())) {
                    return Optional.of(new PeerKey(key.get().keyId(), name.or(() -> owner(key.get()))));
                }
            } else if (name.isPresent()) {
                for (var info : view.keysOwnedBy(name.get())) {
                    Optional<TrustedKey> key = trusted.find(info.keyId());
                    if (key.isPresent() && matches(key.get(), presented.get())) {
                        return Optional.of(new PeerKey(key.get().keyId(), name));
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public ClientCredentials bootstrap(Consumer<PublicKey> provisionalServerKey) {
        Objects.requireNonNull(provisionalServerKey, "provisionalServerKey");
        TrustedKey device = view.anchors.deviceKey();
        Optional<OwnKey> own = ownKey(device);
        if (own.isPresent()) {
            // Draft §15.4: the server's raw key cannot be checked yet; it is accepted provisionally and the image is
            // discarded unless it names that key as class 3 (checked by core's BootstrapImageOpener).
            PeerKeyLookup provisional = spki -> parse(spki).map(key -> {
                provisionalServerKey.accept(key);
                return new PeerKey(PROVISIONAL, Optional.empty());
            });
            return new ClientCredentials(Optional.of(view.deviceId()), Optional.empty(), Optional.empty(),
                    Optional.of(new RawKeyCredentials(own.get(), provisional)));
        }
        PskResolver resolver = hint -> resolveBootstrapHint(device, hint);
        return new ClientCredentials(Optional.of(view.deviceId()), Optional.empty(), Optional.of(resolver), Optional.empty());
    }

    /**
     * Draft §15.3: the server's hint is the device key's id, or a chain of derived secrets from the device secret to
     * the bootstrap key. Only shared-secret references are followed: an envelope to the device's own key proves
     * nothing about the server, since anyone can make one.
     */
    private Optional<PskKey> resolveBootstrapHint(TrustedKey device, Optional<PskHint> hint) {
        if (hint.isEmpty()) {
            return device.secret().map(secret -> PskKey.of(device.keyId(), secret));
        }
        TrustedKeys trusted = view.trustedKeys();
        UUID wanted = hint.get().pskKeyId();
        Optional<SecretBytes> known = trusted.find(wanted).flatMap(TrustedKey::secret);
        if (known.isPresent()) {
            return Optional.of(PskKey.of(wanted, known.get()));
        }
        List<DerivedSecretKey> chain = List.of();
        if (hint.get() instanceof PskHint.KeyDefinitionHint definition) {
            chain = List.of(definition.key());
        } else if (hint.get() instanceof PskHint.KeyChainHint keys) {
            chain = keys.keys();
        }
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, TrustedKey> derived = new HashMap<>();
        TrustedKeys overlay = id -> Optional.ofNullable(derived.get(id));
        TrustedKeys lookup = trusted.with(overlay);
        SecretBytes last = null;
        for (DerivedSecretKey key : chain) {
            List<org.assure.core.model.Derivation> usable = key.derivations().stream()
                    .filter(d -> lookup.find(d.referenceKeyId()).flatMap(TrustedKey::secret)
                            .filter(s -> s.length() >= MIN_SHARED_SECRET).isPresent())
                    .toList();
            if (usable.isEmpty()) {
                return Optional.empty();
            }
            try {
                Optional<SecretBytes> secret = DerivedSecrets.resolve(new DerivedSecretKey(key.keyId(), usable), lookup);
                if (secret.isEmpty() || secret.get().length() > 64) {
                    return Optional.empty();
                }
                last = secret.get();
                derived.put(key.keyId(), TrustedKey.derivedAnchor(key, IdentityClass.CHANNEL, last));
            } catch (CryptoException e) {
                return Optional.empty();
            }
        }
        if (last == null || !chain.get(chain.size() - 1).keyId().equals(wanted)) {
            return Optional.empty();
        }
        return Optional.of(PskKey.of(wanted, last));
    }

    private TrustedKey find(UUID keyId) throws KeystoreException {
        return view.trustedKeys().find(keyId).orElseThrow(() -> new KeystoreException(Reason.KEY_NOT_FOUND));
    }

    private static Optional<OwnKey> ownKey(TrustedKey key) {
        if (key.publicKey().isEmpty() || key.privateKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OwnKey(key.keyId(), key.publicKey().get(), key.privateKey().get()));
    }

    private static Optional<UUID> owner(TrustedKey key) {
        return key.authenticatedKey().flatMap(k -> k.metadata().owningDevice());
    }

    private static boolean matches(TrustedKey key, Bytes normalizedSpki) {
        return key.publicKey().map(Keys::encodePublic).filter(normalizedSpki::equals).isPresent();
    }

    private static Optional<PublicKey> parse(Bytes spki) {
        for (KeyFormat format : List.of(KeyFormat.EC, KeyFormat.RSA)) {
            try {
                return Optional.of(Keys.publicKey(format, spki));
            } catch (CryptoException | RuntimeException e) {
                // not this format; try the next
            }
        }
        return Optional.empty();
    }

    /** The SPKI re-encoded from its parsed key, so that equal keys compare equal whatever encoding they came in. */
    private static Optional<Bytes> normalize(Bytes spki) {
        return parse(spki).map(Keys::encodePublic);
    }
}
