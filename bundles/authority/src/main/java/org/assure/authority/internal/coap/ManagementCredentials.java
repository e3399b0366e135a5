package org.assure.authority.internal.coap;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.core.crypto.CryptoException;
import org.assure.core.model.Address;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKeys;
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
 * The management server's DTLS credentials for a device's management channel (the one its bootstrap image
 * defined): the derived management key as PSK (key-id hint) when the authority gave one, else our EC key against
 * the device's raw public key. Only enabled devices of ours that name themselves with PNI get in.
 */
public final class ManagementCredentials implements DtlsServerCredentials {
    private static final Logger DROPS = LoggerFactory.getLogger("org.assure.authority.drops");
    private final Registrar registrar;

    public ManagementCredentials(Registrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public Optional<ServerCredentials> select(Address peer, Optional<UUID> peerName) {
        if (peerName.isEmpty()) {
            return Optional.empty();
        }
        UUID device = peerName.get();
        try {
            Optional<Registrar.ChannelKeys> keys = registrar.channelKeys(device);
            if (keys.isEmpty()) {
                return Optional.empty();
            }
            UUID server = registrar.key().keyId();
            if (keys.get().managementKey().key() instanceof DerivedSecretKey k) {
                SecretBytes secret = DerivedSecrets.resolve(k, TrustedKeys.of(List.of(registrar.key().asTrustedKey())))
                        .orElseThrow(() -> new CryptoException(org.assure.core.error.ErrorKind.UNAUTHENTICATED,
                                "management key not derived for us"));
                PskOffer psk = new PskOffer(Optional.of(new PskHint.KeyIdHint(k.keyId())),
                        id -> id.equals(k.keyId()) ? Optional.of(new PskKey(id, Optional.of(device), secret))
                                : Optional.empty());
                return Optional.of(new ServerCredentials(Optional.of(server), Optional.of(psk), Optional.empty()));
            }
            if (keys.get().deviceKey().isEmpty()) {
                return Optional.empty();
            }
            var expected = keys.get().deviceKey().get();
            var pair = registrar.key().pair();
            RawKeyCredentials raw = new RawKeyCredentials(new OwnKey(server, pair.getPublic(), pair.getPrivate()),
                    spki -> spki.equals(expected) ? Optional.of(new PeerKey(device, Optional.of(device)))
                            : Optional.empty());
            return Optional.of(new ServerCredentials(Optional.of(server), Optional.empty(), Optional.of(raw)));
        } catch (AuthorityException | CryptoException | RuntimeException e) {
            DROPS.warn("management channel credentials unavailable for a device: {}", e.getMessage());
            return Optional.empty();
        }
    }

}
