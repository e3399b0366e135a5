package org.assure.authority.internal.coap;

import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.ta.AuthorityKeys;
import org.assure.authority.internal.ta.TrustedAuthority;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.PskHint;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskOffer;
import org.assure.dtls.RawKeyCredentials;
import org.assure.dtls.ServerCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrap server's DTLS credentials for a device that names itself with Peer Name Indication (PROFILE §6,
 * draft §15.3, §15.4): the PSK of its bootstrap key, offered through a one-key derivation-chain hint (the device
 * derives it from its own key or secret), and — for EC devices — the bootstrap service's raw public key against
 * the device's own key. Clients without PNI, and unknown devices, are refused before any key operation.
 */
public final class BootstrapCredentials implements DtlsServerCredentials {
    private static final Logger DROPS = LoggerFactory.getLogger("org.assure.authority.drops");
    /** Devices whose bootstrap key is kept in memory; it never changes after upload, so the cache needs no expiry. */
    private static final int CACHE_SIZE = 20_000;
    private final TrustedAuthority ta;
    private final AuthorityKeys keys;
    private final java.util.Map<UUID, TrustedAuthority.BootstrapCredentials> cache = java.util.Collections
            .synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<UUID, TrustedAuthority.BootstrapCredentials> e) {
                    return size() > CACHE_SIZE;
                }
            });

    public BootstrapCredentials(TrustedAuthority ta, AuthorityKeys keys) {
        this.ta = ta;
        this.keys = keys;
    }

    @Override
    public Optional<ServerCredentials> select(Address peer, Optional<UUID> peerName) {
        if (peerName.isEmpty()) {
            return Optional.empty();
        }
        Optional<TrustedAuthority.BootstrapCredentials> found = Optional.ofNullable(cache.get(peerName.get()));
        try {
            if (found.isEmpty()) {
                // A storm of handshakes then costs one database read and one ECDH per device, not per handshake.
                found = ta.bootstrapCredentials(peerName.get());
                found.ifPresent(c -> cache.put(c.deviceId(), c));
            }
        } catch (AuthorityException e) {
            DROPS.warn("bootstrap credentials unavailable: {}", e.getMessage());
            return Optional.empty();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TrustedAuthority.BootstrapCredentials c = found.get();
        UUID device = c.deviceId();
        PskOffer psk = new PskOffer(Optional.of(new PskHint.KeyChainHint(List.of(c.bootstrapKey()))),
                id -> id.equals(c.bootstrapKey().keyId())
                        ? Optional.of(new PskKey(id, Optional.of(device), c.psk())) : Optional.empty());
        Optional<RawKeyCredentials> rawKey = Optional.empty();
        if (c.deviceKey().isPresent()) {
            // Raw public keys (draft §15.4) of the device's own kind: an EC key for EC devices, the RSA key for RSA
            // devices (TLS_ECDHE_RSA, PROFILE §6), whose gateway offers its RSA key and nothing else.
            Bytes expected = Keys.encodePublic(c.deviceKey().get());
            var service = Keys.format(c.deviceKey().get()) == KeyFormat.EC ? keys.bootstrap() : keys.bootstrapRsa();
            KeyPair own = service.pair();
            rawKey = Optional.of(new RawKeyCredentials(new OwnKey(service.keyId(), own.getPublic(),
                    own.getPrivate()), spki -> spki.equals(expected)
                            ? Optional.of(new PeerKey(device, Optional.of(device))) : Optional.empty()));
        }
        return Optional.of(new ServerCredentials(Optional.of(keys.bootstrap().keyId()), Optional.of(psk), rawKey));
    }
}
