package org.assure.authority.internal.mgmt;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.Topology;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.RsaKey;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.Validity;

/**
 * Issues the keys and channel definitions for a data channel between two devices, as draft §13 prescribes for
 * each kind of pair, and for whole topologies (§4.3): EC–EC and RSA–RSA use the device keys (§13.2, §13.5);
 * EC–RSA prefers issuing an EC key to the RSA device (§13.3.1), then an RSA key to the EC device (§13.3.2), then a
 * shared channel key (§13.3.3); a pair with a shared-secret device gets a channel key derived for both ends
 * (§13.4, §13.6, §13.7). The result is the Device Management API requests (§10.1.1 {@code PUT /v1/keys/<id>},
 * §10.1.6 {@code PUT /v1/channels}) to push, keys first.
 */
public final class ChannelPlanner {
    /** Which §13 case a pair fell into. */
    public enum Kind {
        DEVICE_KEYS_EC, DEVICE_KEYS_RSA, ISSUED_EC_KEY, ISSUED_RSA_KEY, CHANNEL_KEY
    }

    /** The plan for one pair. */
    public record PairPlan(UUID a, UUID b, Kind kind, List<DeviceRequest> requests) {
        public PairPlan {
            requests = List.copyOf(requests);
        }
    }

    private static final int CHANNEL_SECRET_LENGTH = 32;
    private final SecureRandom random;
    private final ChannelFlags flags;

    public ChannelPlanner(SecureRandom random, ChannelFlags flags) {
        this.random = random;
        this.flags = flags;
    }

    /** Plans every channel of {@code topology} over {@code devices} (in list order). */
    public List<PairPlan> topology(Topology topology, List<PlannedDevice> devices) throws CryptoException {
        List<PairPlan> plans = new ArrayList<>();
        for (int[] pair : topology.pairs(devices.size())) {
            plans.add(pair(devices.get(pair[0]), devices.get(pair[1])));
        }
        return plans;
    }

    /** Plans the channel between {@code a} and {@code b}. */
    public PairPlan pair(PlannedDevice a, PlannedDevice b) throws CryptoException {
        if (a.id().equals(b.id())) {
            throw new IllegalArgumentException("a channel needs two devices");
        }
        if (a.ec() && b.ec()) {
            return deviceKeys(a, b, Kind.DEVICE_KEYS_EC);
        }
        if (a.rsa() && b.rsa()) {
            return deviceKeys(a, b, Kind.DEVICE_KEYS_RSA);
        }
        if ((a.ec() && b.rsa()) || (a.rsa() && b.ec())) {
            PlannedDevice ec = a.ec() ? a : b;
            PlannedDevice rsa = a.ec() ? b : a;
            if (rsa.capabilities().ecCapable()) {
                return issued(ec, rsa, GenerateKeyType.EC_P256, Kind.ISSUED_EC_KEY);
            }
            if (ec.capabilities().rsaCapable()) {
                return issued(rsa, ec, GenerateKeyType.RSA_2048, Kind.ISSUED_RSA_KEY);
            }
        }
        return channelKey(a, b);
    }

    /** §13.2/§13.5: each end learns the other's device key and gets a channel naming both. */
    private PairPlan deviceKeys(PlannedDevice a, PlannedDevice b, Kind kind) {
        List<DeviceRequest> r = new ArrayList<>();
        r.add(putKey(a, a.signer().authenticate(IdentityClass.DEVICE, publicDefinition(b), KeyMetadata.ownedBy(b.id()),
                Validity.UNBOUNDED)));
        r.add(putKey(b, b.signer().authenticate(IdentityClass.DEVICE, publicDefinition(a), KeyMetadata.ownedBy(a.id()),
                Validity.UNBOUNDED)));
        r.add(putChannel(a, a.id(), Optional.of(b.id()), b, true));
        r.add(putChannel(b, b.id(), Optional.of(a.id()), a, false));
        return new PairPlan(a.id(), b.id(), kind, r);
    }

    /**
     * §13.3.1/§13.3.2: a new key of the other end's kind, issued to {@code receiver} with its private part (class 5,
     * owned by the receiver), its public part to {@code keeper}; then a channel between the keeper's device key and
     * the issued key.
     */
    private PairPlan issued(PlannedDevice keeper, PlannedDevice receiver, GenerateKeyType type, Kind kind) {
        KeyPair pair = KeyGeneration.generate(type, random);
        UUID id = UUID.randomUUID();
        AsymmetricKey full = type == GenerateKeyType.RSA_2048
                ? new RsaKey(id, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate()))
                : new EcKey(id, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate()));
        List<DeviceRequest> r = new ArrayList<>();
        r.add(putKey(receiver, receiver.signer().authenticate(IdentityClass.CHANNEL, full,
                KeyMetadata.ownedBy(receiver.id()), Validity.UNBOUNDED)));
        r.add(putKey(keeper, keeper.signer().authenticate(IdentityClass.CHANNEL, full.publicOnly(),
                KeyMetadata.ownedBy(receiver.id()), Validity.UNBOUNDED)));
        r.add(putKey(receiver, receiver.signer().authenticate(IdentityClass.DEVICE, publicDefinition(keeper),
                KeyMetadata.ownedBy(keeper.id()), Validity.UNBOUNDED)));
        r.add(putChannel(keeper, keeper.id(), Optional.of(id), receiver, true));
        r.add(putChannel(receiver, id, Optional.of(keeper.id()), keeper, false));
        return new PairPlan(keeper.id(), receiver.id(), kind, r);
    }

    /** §13.3.3/§13.4/§13.6/§13.7: one channel key, derived from a key each end holds, sent to both. */
    private PairPlan channelKey(PlannedDevice a, PlannedDevice b) throws CryptoException {
        UUID id = UUID.randomUUID();
        DerivedSecretKey key = DerivedSecrets.create(id, KeyGeneration.randomSecret(CHANNEL_SECRET_LENGTH, random),
                List.of(reference(a), reference(b)), random);
        List<DeviceRequest> r = new ArrayList<>();
        r.add(putKey(a, a.signer().authenticate(IdentityClass.CHANNEL, key, KeyMetadata.NONE, Validity.UNBOUNDED)));
        r.add(putKey(b, b.signer().authenticate(IdentityClass.CHANNEL, key, KeyMetadata.NONE, Validity.UNBOUNDED)));
        r.add(putChannel(a, id, Optional.empty(), b, true));
        r.add(putChannel(b, id, Optional.empty(), a, false));
        return new PairPlan(a.id(), b.id(), Kind.CHANNEL_KEY, r);
    }

    private static DerivationReference reference(PlannedDevice d) {
        if (d.key() instanceof PlannedDevice.DeviceKey.Secret s) {
            return new DerivationReference.Secret(s.keyId(), s.secret(), SecretDerivation.DEFAULT_ITERATIONS);
        }
        return new DerivationReference.Public(d.id(), publicKey(d), CmsOptions.DEFAULT);
    }

    private static PublicKey publicKey(PlannedDevice d) {
        if (d.key() instanceof PlannedDevice.DeviceKey.Ec ec) {
            return ec.publicKey();
        }
        return ((PlannedDevice.DeviceKey.Rsa) d.key()).publicKey();
    }

    private static AsymmetricKey publicDefinition(PlannedDevice d) {
        return d.ec() ? EcKey.publicKey(d.id(), Keys.encodePublic(publicKey(d)))
                : RsaKey.publicKey(d.id(), Keys.encodePublic(publicKey(d)));
    }

    private static DeviceRequest putKey(PlannedDevice to, AuthenticatedKey key) {
        return new DeviceRequest(to.id(), "PUT", "v1/keys/" + key.keyId(), "", AuthenticatedKeyCodec.encode(key));
    }

    /**
     * @param opens whether this end opens the channel (if the flags say "open immediately"): only one end of a
     *              pair does, the other accepts it. Both ends opening at once send ClientHellos to each other over
     *              the same pair of UDP ports, each replacing the other's handshake; with equal retry back-offs
     *              they can keep colliding (PROFILE-ADDITIONS 43).
     */
    private DeviceRequest putChannel(PlannedDevice to, UUID localKey, Optional<UUID> peerKey, PlannedDevice peer,
            boolean opens) {
        ChannelFlags own = new ChannelFlags(flags.persistent(), flags.openImmediately() && opens,
                flags.channelManagement(), flags.systemManagement(), flags.keyManagement(), flags.additional());
        return new DeviceRequest(to.id(), "PUT", "v1/channels", "", ChannelConfigurationCodec.encode(
                new ChannelConfiguration(localKey, peerKey, own, peer.address())));
    }
}
