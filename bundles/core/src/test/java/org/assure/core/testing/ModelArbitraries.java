package org.assure.core.testing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.assure.core.model.Address;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BacnetAddress;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelFrame;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelState;
import org.assure.core.model.ChannelStatus;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.DeviceStatus;
import org.assure.core.model.EcKey;
import org.assure.core.model.EcSignature;
import org.assure.core.model.GatewayChannelGrant;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.PskHint;
import org.assure.core.model.QrPayload;
import org.assure.core.model.RsaKey;
import org.assure.core.model.RsaSignature;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.model.SignatureDefinition;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;

/**
 * jqwik generators for every model type, within the ranges the codecs accept (PROFILE-ADDITIONS §4, §8). Sizes are
 * kept small where the size does not matter to the structure, so that properties run fast.
 */
public final class ModelArbitraries {
    private ModelArbitraries() {
    }

    // ---- primitives ---------------------------------------------------------------------------------

    public static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    public static Arbitrary<Bytes> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(Bytes::of);
    }

    public static Arbitrary<SecretBytes> secrets(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(SecretBytes::of);
    }

    /** Well-formed Unicode text (no unpaired surrogates) of at most {@code maxChars} UTF-16 chars. */
    public static Arbitrary<String> texts(int maxChars) {
        return Arbitraries.strings().all().ofMaxLength(maxChars).filter(ModelArbitraries::isWellFormed);
    }

    private static boolean isWellFormed(String text) {
        return text.codePoints().noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff);
    }

    public static Arbitrary<Long> channelIds() {
        return Arbitraries.longs().between(0, ChannelStatus.MAX_CHANNEL_ID);
    }

    // ---- keys and signatures ------------------------------------------------------------------------

    public static Arbitrary<SimpleTimestamp> simpleTimestamps() {
        return Arbitraries.longs().between(0, SimpleTimestamp.MAX_SECONDS).map(SimpleTimestamp::new);
    }

    public static Arbitrary<PrecisionTimestamp> precisionTimestamps() {
        return Combinators.combine(Arbitraries.longs().between(0, SimpleTimestamp.MAX_SECONDS),
                Arbitraries.longs().between(0, (1L << 32) - 1)).as(PrecisionTimestamp::new);
    }

    public static Arbitrary<SignatureDefinition> signatures() {
        Arbitrary<SignatureFormat> formats = Arbitraries.of(SignatureFormat.class);
        // Value lengths up to the wire limits: 66 (P-521 r, s), 64 (HMAC-SHA-512); RSA kept short.
        return Combinators.combine(formats, simpleTimestamps(), simpleTimestamps(), uuids(), bytes(1, 64), bytes(1, 66),
                Arbitraries.of(true, false)).as((format, a, b, signer, v1, v2, signed) -> {
                    SimpleTimestamp created = a.isNone() || b.isNone() || a.seconds() <= b.seconds() ? a : b;
                    SimpleTimestamp until = created == a ? b : a;
                    Bytes first = signed ? v1 : Bytes.EMPTY;
                    Bytes second = signed ? v2 : Bytes.EMPTY;
                    return switch (format.kind()) {
                        case EC -> new EcSignature(format, created, until, signer, first, second);
                        case RSA -> new RsaSignature(format, created, until, signer, first);
                        case HMAC -> new HmacSignature(format, created, until, signer, first);
                    };
                });
    }

    public static Arbitrary<Derivation> derivations() {
        return Combinators.combine(uuids(), bytes(0, 32), Arbitraries.longs().between(0, Derivation.MAX_ITERATIONS),
                bytes(1, 48)).as(Derivation::new);
    }

    public static Arbitrary<DerivedSecretKey> derivedKeys() {
        return Combinators.combine(uuids(), derivations().list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(Derivation::referenceKeyId))
                .filter((id, list) -> list.stream().noneMatch(d -> d.referenceKeyId().equals(id)))
                .as(DerivedSecretKey::new);
    }

    public static Arbitrary<KeyDefinition> keyDefinitions() {
        Arbitrary<KeyDefinition> ec = Combinators.combine(uuids(), bytes(1, 100), secrets(0, 60)).as(EcKey::new);
        Arbitrary<KeyDefinition> rsa = Combinators.combine(uuids(), bytes(1, 100), secrets(0, 60)).as(RsaKey::new);
        return Arbitraries.oneOf(ec, rsa, derivedKeys().map(KeyDefinition.class::cast));
    }

    public static Arbitrary<KeyMetadata> metadata() {
        return uuids().optional().map(KeyMetadata::new);
    }

    public static Arbitrary<AuthenticatedKey> authenticatedKeys() {
        return Combinators.combine(Arbitraries.of(IdentityClass.class), keyDefinitions(), metadata(), signatures())
                .filter((c, key, meta, signature) -> !signature.keyId().equals(key.keyId()))
                .as(AuthenticatedKey::new);
    }

    public static Arbitrary<OwnerInformation> ownerInformation() {
        return Combinators.combine(Arbitraries.longs().between(0, OwnerInformation.MAX_SEQUENCE), signatures())
                .as(OwnerInformation::new);
    }

    public static Arbitrary<BootstrapImage> bootstrapImages() {
        // Header keys travel in the clear, so they are always public (docs/PROFILE-ADDITIONS.md).
        Arbitrary<AuthenticatedKey> publicKeys = authenticatedKeys().map(k -> new AuthenticatedKey(k.identityClass(),
                org.assure.core.cbor.KeyDefinitionCodec.publicForm(k.key()), k.metadata(), k.signature()));
        return Combinators.combine(publicKeys.list().ofMinSize(1).ofMaxSize(3), ownerInformation(), uuids(),
                bytes(1, 200), signatures()).as(BootstrapImage::new);
    }

    public static Arbitrary<KeyListEntry> keyListEntries() {
        return authenticatedKeys().map(KeyListEntry::of);
    }

    // ---- bootstrap payloads -------------------------------------------------------------------------

    public static Arbitrary<SharedSecretPayload> sharedSecretPayloads() {
        return Arbitraries.of(CipherSuite.class).flatMap(suite -> Combinators.combine(bytes(0, 32),
                Arbitraries.longs().between(1, Derivation.MAX_ITERATIONS), bytes(suite.keyLength(), suite.keyLength()),
                bytes(suite.mode().ivLength(), suite.mode().ivLength()),
                bytes(suite.mode().tagLength(), suite.mode().tagLength()), bytes(1, 200))
                .as((salt, iterations, secret, iv, tag, data) -> new SharedSecretPayload(salt, iterations, secret, suite,
                        iv, tag, data)));
    }

    public static Arbitrary<BootstrapPayload> bootstrapPayloads() {
        return bytes(1, 80).list().ofMaxSize(6).map(BootstrapPayload::new);
    }

    // ---- channels and addresses ---------------------------------------------------------------------

    public static Arbitrary<Address> addresses() {
        Arbitrary<Address> bacnet = Combinators.combine(
                Arbitraries.integers().between(1, 65534).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty())),
                bytes(1, BacnetAddress.MAX_MAC_LENGTH)).as(BacnetAddress::new);
        Arbitrary<Address> ip = Combinators.combine(Arbitraries.oneOf(bytes(4, 4), bytes(16, 16)),
                Arbitraries.integers().between(0, 65535), Arbitraries.integers().between(1, 65535)).as(IpAddress::new);
        Arbitrary<Address> bluetooth = bytes(6, 6).map(BluetoothAddress::new);
        return Arbitraries.oneOf(bacnet, ip, bluetooth);
    }

    public static Arbitrary<ChannelFlags> channelFlags() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(flag, flag, flag, flag, flag,
                flag.list().ofMaxSize(ChannelFlags.MAX_FLAGS - ChannelFlags.DEFINED)).as(ChannelFlags::new);
    }

    public static Arbitrary<ChannelConfiguration> channelConfigurations() {
        return Combinators.combine(uuids(), uuids().optional(), channelFlags(), addresses())
                .as(ChannelConfiguration::new);
    }

    public static Arbitrary<ChannelStatus> channelStatuses() {
        return Combinators.combine(channelIds(), Arbitraries.of(ChannelState.class),
                Arbitraries.longs().list().ofMaxSize(ChannelStatus.MAX_ADDITIONAL)).as(ChannelStatus::new);
    }

    public static Arbitrary<ChannelInfo> channelInfos() {
        return Combinators.combine(channelConfigurations(), channelStatuses()).as(ChannelInfo::new);
    }

    public static Arbitrary<ChannelFrame> channelFrames() {
        return Combinators.combine(channelIds(), bytes(1, 100)).as(ChannelFrame::new);
    }

    public static Arbitrary<GatewayChannelGrant> gatewayChannelGrants() {
        return Combinators.combine(channelIds(), bytes(4, 64)).as(GatewayChannelGrant::new);
    }

    // ---- device -------------------------------------------------------------------------------------

    public static Arbitrary<DeviceInfo> deviceInfos() {
        return Combinators.combine(uuids(), bytes(0, 32), texts(DeviceInfo.MAX_TEXT_LENGTH).list().ofSize(7))
                .as((id, mac, t) -> new DeviceInfo(id, mac, t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5),
                        t.get(6)));
    }

    public static Arbitrary<QrPayload> qrPayloads() {
        return Combinators.combine(uuids(), secrets(16, 64)).as(QrPayload::of);
    }

    public static Arbitrary<DeviceCapabilities> capabilities() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(flag, flag, flag, flag, flag).as(DeviceCapabilities::new);
    }

    /** A PEM-armoured "public key" of random bytes: the JSON codec checks the armour, not the DER. */
    public static Arbitrary<String> publicKeyPems() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)
                .map(der -> "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n");
    }

    public static Arbitrary<DeviceRecord> deviceRecords() {
        Arbitrary<Optional<SecretBytes>> secret = secrets(16, 64).map(Optional::of);
        Arbitrary<Optional<String>> pem = publicKeyPems().map(Optional::of);
        Arbitrary<Boolean> sharedSecret = Arbitraries.of(true, false);
        return Combinators.combine(uuids(), Arbitraries.longs().greaterOrEqual(0), texts(64).filter(s -> !s.isEmpty()),
                sharedSecret, secret, pem, uuids().optional(), capabilities())
                .as((id, server, caseString, useSecret, s, p, set, caps) -> new DeviceRecord(id, server, caseString,
                        useSecret ? s : Optional.empty(), useSecret ? Optional.empty() : p, set, caps));
    }

    public static Arbitrary<DeviceStatus> deviceStatuses() {
        return Combinators.combine(Arbitraries.integers().greaterOrEqual(0), texts(100)).as(DeviceStatus::new);
    }

    /** Compact JSON objects as {@code ConfigurationDataJson} keeps them: fields in order, no spaces. */
    public static Arbitrary<String> jsonObjects() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
                Arbitraries.strings().alpha().ofMaxLength(8).map(s -> "\"" + s + "\""), Arbitraries.of("true", "null"),
                Arbitraries.integers().list().ofMaxSize(3).map(l -> l.toString().replace(" ", "")));
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).list().ofMaxSize(4)
                .uniqueElements(), value.list().ofSize(4)).as((names, values) -> {
                    List<String> fields = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        fields.add("\"" + names.get(i) + "\":" + values.get(i));
                    }
                    return "{" + String.join(",", fields) + "}";
                });
    }

    public static Arbitrary<ConfigurationData> configurationData() {
        return Combinators.combine(uuids(), Arbitraries.longs().greaterOrEqual(0), capabilities(),
                authenticatedKeys().list().ofMaxSize(3), ownerInformation(), jsonObjects().list().ofMaxSize(3))
                .as(ConfigurationData::new);
    }

    // ---- PSK hints ----------------------------------------------------------------------------------

    public static Arbitrary<PskHint> pskHints() {
        Arbitrary<PskHint> keyId = uuids().map(PskHint.KeyIdHint::new);
        Arbitrary<PskHint> definition = derivedKeys().map(PskHint.KeyDefinitionHint::new);
        return Arbitraries.oneOf(keyId, definition, keyChains());
    }

    /** Chains of 1..4 keys, each after the first derived (among others) from its predecessor. */
    public static Arbitrary<PskHint> keyChains() {
        return derivedKeys().list().ofMinSize(1).ofMaxSize(4).map(ModelArbitraries::linked)
                .filter(keys -> keys.isPresent()).map(keys -> new PskHint.KeyChainHint(keys.get()));
    }

    private static Optional<List<DerivedSecretKey>> linked(List<DerivedSecretKey> keys) {
        List<DerivedSecretKey> out = new ArrayList<>();
        for (DerivedSecretKey key : keys) {
            if (out.isEmpty()) {
                out.add(key);
                continue;
            }
            UUID previous = out.get(out.size() - 1).keyId();
            List<Derivation> derivations = new ArrayList<>(key.derivations());
            Derivation first = derivations.get(0);
            derivations.set(0, new Derivation(previous, first.salt(), first.iterationsOrCipher(), first.encryptedSecret()));
            try {
                out.add(new DerivedSecretKey(key.keyId(), derivations));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try {
            new PskHint.KeyChainHint(out);
            return Optional.of(out);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
