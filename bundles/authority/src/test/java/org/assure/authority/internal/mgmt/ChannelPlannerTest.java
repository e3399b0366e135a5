package org.assure.authority.internal.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.Topology;
import org.assure.authority.internal.coap.CoapMessages;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.AuthenticatedKeyValidator;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.junit.jupiter.api.Test;

/**
 * Every §13 pair kind and every §4.3 topology, checked the way the devices will: each pushed key validates
 * against what that device trusts, both ends of a channel-key pair derive the same secret, and the two channel
 * definitions name each other's keys.
 */
class ChannelPlannerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair MGMT = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    private static final UUID MGMT_ID = UUID.randomUUID();
    private static int port = 6000;
    private final ChannelPlanner planner = new ChannelPlanner(RANDOM, ChannelFlags.data(true, true));

    /** A simulated device: the planner's view of it and what the device itself trusts. */
    record Sim(PlannedDevice planned, List<TrustedKey> trusted) {
    }

    static Sim ec(boolean rsaCapable) throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        UUID id = UUID.randomUUID();
        return sim(id, new PlannedDevice.DeviceKey.Ec(pair.getPublic()), new DeviceCapabilities(true, rsaCapable, false,
                false, false), TrustedKey.anchor(new EcKey(id, Keys.encodePublic(pair.getPublic()),
                        Keys.encodePrivate(pair.getPrivate())), IdentityClass.DEVICE), true);
    }

    static Sim rsa(boolean ecCapable) throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.RSA_2048, RANDOM);
        UUID id = UUID.randomUUID();
        return sim(id, new PlannedDevice.DeviceKey.Rsa(pair.getPublic()), new DeviceCapabilities(ecCapable, true, false,
                false, false), TrustedKey.anchor(new RsaKey(id, Keys.encodePublic(pair.getPublic()),
                        Keys.encodePrivate(pair.getPrivate())), IdentityClass.DEVICE), ecCapable);
    }

    static Sim secret() {
        UUID id = UUID.randomUUID();
        UUID k = UUID.randomUUID();
        SecretBytes s = KeyGeneration.randomSecret(32, RANDOM);
        PlannedDevice planned = new PlannedDevice(id, address(), new PlannedDevice.DeviceKey.Secret(k, s),
                DeviceCapabilities.MINIMAL, SigningKey.ofSecret(k, s));
        return new Sim(planned, List.of(TrustedKey.secretAnchor(k, IdentityClass.MANAGEMENT_SYSTEM, s)));
    }

    private static Sim sim(UUID id, PlannedDevice.DeviceKey key, DeviceCapabilities caps, TrustedKey deviceAnchor,
            boolean verifiesEcdsa) throws Exception {
        List<TrustedKey> trusted = new ArrayList<>(List.of(deviceAnchor));
        SigningKey signer;
        if (verifiesEcdsa) {
            trusted.add(TrustedKey.anchor(EcKey.publicKey(MGMT_ID, Keys.encodePublic(MGMT.getPublic())),
                    IdentityClass.MANAGEMENT_SYSTEM));
            signer = SigningKey.of(MGMT_ID, MGMT.getPrivate());
        } else {
            UUID k = UUID.randomUUID();
            SecretBytes s = KeyGeneration.randomSecret(32, RANDOM);
            trusted.add(TrustedKey.secretAnchor(k, IdentityClass.MANAGEMENT_SYSTEM, s));
            signer = SigningKey.ofSecret(k, s);
        }
        return new Sim(new PlannedDevice(id, address(), key, caps, signer), trusted);
    }

    private static IpAddress address() {
        try {
            return IpAddress.of(InetAddress.getLoopbackAddress(), 5685, port++);
        } catch (RuntimeException e) {
            throw e;
        }
    }

    /** Replays a plan on simulated devices: validates every key, returns each device's channel and its secret. */
    private static Map<UUID, ChannelConfiguration> replay(ChannelPlanner.PairPlan plan, Sim... sims) throws Exception {
        Map<UUID, List<TrustedKey>> trusted = new HashMap<>();
        for (Sim s : sims) {
            trusted.put(s.planned().id(), new ArrayList<>(s.trusted()));
        }
        Map<UUID, ChannelConfiguration> channels = new HashMap<>();
        for (DeviceRequest r : plan.requests()) {
            // Every request survives the CoAP encoding it travels in.
            Request parsed = (Request) new UdpDataParser().parseMessage(CoapMessages.encode(r, 7));
            assertThat(parsed.getPayload()).isEqualTo(r.payload());
            assertThat(parsed.getOptions().getUriPathString()).isEqualTo(r.path());
            List<TrustedKey> mine = trusted.get(r.device());
            if (r.path().startsWith("v1/keys/")) {
                AuthenticatedKey key = AuthenticatedKeyCodec.decode(r.payload());
                assertThat(r.path()).isEqualTo("v1/keys/" + key.keyId());
                mine.add(AuthenticatedKeyValidator.withoutTrustedTime().validate(key, TrustedKeys.of(mine)));
            } else {
                assertThat(r.path()).isEqualTo("v1/channels");
                channels.put(r.device(), ChannelConfigurationCodec.decode(r.payload()));
            }
        }
        UUID a = plan.a();
        UUID b = plan.b();
        ChannelConfiguration ca = channels.get(a);
        ChannelConfiguration cb = channels.get(b);
        assertThat(ca.effectivePeerKeyId()).isEqualTo(cb.localKeyId());
        assertThat(cb.effectivePeerKeyId()).isEqualTo(ca.localKeyId());
        // Each end holds the private part or secret of its own channel key.
        for (UUID end : List.of(a, b)) {
            UUID local = channels.get(end).localKeyId();
            TrustedKey key = trusted.get(end).stream().filter(k -> k.keyId().equals(local)).findFirst().orElseThrow();
            assertThat(key.privateKey().isPresent() || key.secret().isPresent()).as("own key of " + end).isTrue();
        }
        if (plan.kind() == ChannelPlanner.Kind.CHANNEL_KEY) {
            TrustedKey ka = find(trusted.get(a), ca.localKeyId());
            TrustedKey kb = find(trusted.get(b), cb.localKeyId());
            assertThat(ka.secret()).isPresent().isEqualTo(kb.secret());
        }
        return channels;
    }

    private static TrustedKey find(List<TrustedKey> keys, UUID id) {
        return keys.stream().filter(k -> k.keyId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void ec_ec_and_rsa_rsa_use_the_device_keys() throws Exception {
        Sim a = ec(false);
        Sim b = ec(false);
        ChannelPlanner.PairPlan plan = planner.pair(a.planned(), b.planned());
        assertThat(plan.kind()).isEqualTo(ChannelPlanner.Kind.DEVICE_KEYS_EC);
        Map<UUID, ChannelConfiguration> ch = replay(plan, a, b);
        assertThat(ch.get(a.planned().id()).localKeyId()).isEqualTo(a.planned().id());
        // Only the first end opens; the other accepts (both opening at once collide on one UDP port pair).
        assertThat(ch.get(a.planned().id()).flags()).isEqualTo(ChannelFlags.data(true, true));
        assertThat(ch.get(b.planned().id()).flags()).isEqualTo(ChannelFlags.data(true, false));

        Sim c = rsa(false);
        Sim d = rsa(true);
        ChannelPlanner.PairPlan rsaPlan = planner.pair(c.planned(), d.planned());
        assertThat(rsaPlan.kind()).isEqualTo(ChannelPlanner.Kind.DEVICE_KEYS_RSA);
        replay(rsaPlan, c, d);
    }

    @Test
    void ec_rsa_prefers_an_issued_ec_key_then_an_issued_rsa_key_then_a_channel_key() throws Exception {
        Sim ecOnly = ec(false);
        Sim ecCapableRsa = rsa(true);
        ChannelPlanner.PairPlan option1 = planner.pair(ecOnly.planned(), ecCapableRsa.planned());
        assertThat(option1.kind()).isEqualTo(ChannelPlanner.Kind.ISSUED_EC_KEY);
        replay(option1, ecOnly, ecCapableRsa);

        Sim rsaCapableEc = ec(true);
        Sim rsaOnly = rsa(false);
        ChannelPlanner.PairPlan option2 = planner.pair(rsaOnly.planned(), rsaCapableEc.planned());
        assertThat(option2.kind()).isEqualTo(ChannelPlanner.Kind.ISSUED_RSA_KEY);
        replay(option2, rsaOnly, rsaCapableEc);

        Sim rsaOnly2 = rsa(false);
        ChannelPlanner.PairPlan option3 = planner.pair(ecOnly.planned(), rsaOnly2.planned());
        assertThat(option3.kind()).isEqualTo(ChannelPlanner.Kind.CHANNEL_KEY);
        replay(option3, ecOnly, rsaOnly2);
    }

    @Test
    void anything_with_a_shared_secret_device_gets_a_channel_key_for_both_ends() throws Exception {
        for (Sim other : List.of(ec(false), rsa(false), secret())) {
            Sim ss = secret();
            ChannelPlanner.PairPlan plan = planner.pair(ss.planned(), other.planned());
            assertThat(plan.kind()).isEqualTo(ChannelPlanner.Kind.CHANNEL_KEY);
            Map<UUID, ChannelConfiguration> ch = replay(plan, ss, other);
            assertThat(ch.get(ss.planned().id()).peerKeyId()).isEmpty();
            // A third party holding none of the two ends' keys cannot derive the channel key.
            DerivedSecretKey key = (DerivedSecretKey) AuthenticatedKeyCodec.decode(plan.requests().get(0).payload()).key();
            assertThat(DerivedSecrets.resolve(key, TrustedKeys.of(secret().trusted()))).isEmpty();
        }
    }

    @Test
    void topologies_give_the_pairs_of_section_4_3() throws Exception {
        assertThat(pairs(Topology.STAR, 5)).containsExactly("0-1", "0-2", "0-3", "0-4");
        assertThat(pairs(Topology.RING, 4)).containsExactly("0-1", "1-2", "2-3", "3-0");
        assertThat(pairs(Topology.TREE, 6)).containsExactly("0-1", "0-2", "1-3", "1-4", "2-5");
        assertThat(pairs(Topology.FULLY_CONNECTED, 4)).hasSize(6);
        assertThat(pairs(Topology.RING, 2)).containsExactly("0-1");
        List<Sim> sims = List.of(ec(false), secret(), ec(false), rsa(true));
        List<PlannedDevice> planned = sims.stream().map(Sim::planned).toList();
        for (Topology t : Topology.values()) {
            List<ChannelPlanner.PairPlan> plans = planner.topology(t, planned);
            assertThat(plans).hasSize(t.pairs(4).size());
            for (ChannelPlanner.PairPlan p : plans) {
                replay(p, sims.toArray(new Sim[0]));
            }
        }
    }

    private static List<String> pairs(Topology t, int n) {
        return t.pairs(n).stream().map(p -> p[0] + "-" + p[1]).toList();
    }

    @Test
    void issued_private_keys_never_show_in_request_text() throws Exception {
        Sim a = ec(false);
        Sim b = rsa(true);
        for (DeviceRequest r : planner.pair(a.planned(), b.planned()).requests()) {
            assertThat(r.toString()).doesNotContain(java.util.HexFormat.of().formatHex(r.payload()));
        }
        assertThat(Optional.of(1)).isPresent();
    }
}
