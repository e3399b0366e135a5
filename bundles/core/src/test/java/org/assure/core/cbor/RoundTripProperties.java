package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assure.core.model.Address;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFrame;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GatewayChannelGrant;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.PskHint;
import org.assure.core.model.QrPayload;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.model.SignatureDefinition;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.testing.ModelArbitraries;

/**
 * For arbitrary model values of every codec: encoding is deterministic, decoding gives the value back, and the
 * decoded value re-encodes to the same bytes.
 */
class RoundTripProperties {
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] data) throws CborDecodeException;
    }

    static <T> void assertRoundTrip(T value, java.util.function.Function<T, byte[]> encoder, Decoder<T> decoder)
            throws CborDecodeException {
        byte[] encoded = encoder.apply(value);
        assertThat(encoder.apply(value)).as("deterministic").isEqualTo(encoded);
        T decoded = decoder.decode(encoded);
        assertThat(decoded).isEqualTo(value);
        assertThat(encoder.apply(decoded)).isEqualTo(encoded);
    }

    @Property
    void key_definitions(@ForAll("keyDefinitions") KeyDefinition key) throws Exception {
        assertRoundTrip(key, KeyDefinitionCodec::encode, KeyDefinitionCodec::decode);
    }

    @Property
    void signatures(@ForAll("signatures") SignatureDefinition signature) throws Exception {
        assertRoundTrip(signature, SignatureCodec::encode, SignatureCodec::decode);
    }

    @Property
    void authenticated_keys(@ForAll("authenticatedKeys") AuthenticatedKey key) throws Exception {
        assertRoundTrip(key, AuthenticatedKeyCodec::encode, AuthenticatedKeyCodec::decode);
    }

    @Property
    void owner_information(@ForAll("ownerInformation") OwnerInformation owner) throws Exception {
        assertRoundTrip(owner, OwnerInformationCodec::encode, OwnerInformationCodec::decode);
    }

    @Property(tries = 300)
    void bootstrap_images(@ForAll("bootstrapImages") BootstrapImage image) throws Exception {
        assertRoundTrip(image, BootstrapImageCodec::encode, BootstrapImageCodec::decode);
    }

    @Property
    void simple_timestamps(@ForAll("simpleTimestamps") SimpleTimestamp timestamp) throws Exception {
        assertRoundTrip(timestamp, TimestampCodec::encodeSimple, TimestampCodec::decodeSimple);
    }

    @Property
    void precision_timestamps(@ForAll("precisionTimestamps") PrecisionTimestamp timestamp) throws Exception {
        assertRoundTrip(timestamp, TimestampCodec::encodePrecision, TimestampCodec::decodePrecision);
    }

    @Property
    void shared_secret_payloads(@ForAll("sharedSecretPayloads") SharedSecretPayload payload) throws Exception {
        assertRoundTrip(payload, SharedSecretPayloadCodec::encode, SharedSecretPayloadCodec::decode);
    }

    @Property
    void bootstrap_payloads(@ForAll("bootstrapPayloads") BootstrapPayload payload) throws Exception {
        assertRoundTrip(payload, BootstrapPayloadCodec::encode, BootstrapPayloadCodec::decode);
    }

    @Property
    void addresses(@ForAll("addresses") Address address) throws Exception {
        assertRoundTrip(address, AddressCodec::encode, AddressCodec::decode);
    }

    @Property
    void channel_configurations(@ForAll("channelConfigurations") ChannelConfiguration configuration) throws Exception {
        assertRoundTrip(configuration, ChannelConfigurationCodec::encode, ChannelConfigurationCodec::decode);
    }

    @Property
    void channel_infos(@ForAll("channelInfos") ChannelInfo info) throws Exception {
        assertRoundTrip(info, ChannelInfoCodec::encode, ChannelInfoCodec::decode);
    }

    @Property(tries = 300)
    void channel_lists(@ForAll("channelLists") List<ChannelInfo> channels) throws Exception {
        assertRoundTrip(channels, ChannelInfoCodec::encodeList, ChannelInfoCodec::decodeList);
    }

    @Property
    void channel_ids(@ForAll("channelIds") long channelId) throws Exception {
        assertRoundTrip(channelId, ChannelIdCodec::encode, ChannelIdCodec::decode);
    }

    @Property(tries = 300)
    void key_lists(@ForAll("keyLists") List<KeyListEntry> keys) throws Exception {
        assertRoundTrip(keys, KeyListCodec::encode, KeyListCodec::decode);
    }

    @Property
    void device_infos(@ForAll("deviceInfos") DeviceInfo info) throws Exception {
        assertRoundTrip(info, DeviceInfoCodec::encode, DeviceInfoCodec::decode);
    }

    @Property
    void goodbye_reasons(@ForAll GoodbyeReason reason) throws Exception {
        assertRoundTrip(reason, GoodbyeReasonCodec::encode, GoodbyeReasonCodec::decode);
    }

    @Property
    void qr_payloads(@ForAll("qrPayloads") QrPayload payload) throws Exception {
        assertRoundTrip(payload, QrPayloadCodec::encode, QrPayloadCodec::decode);
    }

    @Property
    void channel_frames(@ForAll("channelFrames") ChannelFrame frame) throws Exception {
        assertRoundTrip(frame, ChannelFrameCodec::encode, ChannelFrameCodec::decode);
    }

    @Property
    void gateway_channel_grants(@ForAll("gatewayChannelGrants") GatewayChannelGrant grant) throws Exception {
        assertRoundTrip(grant, GatewayChannelGrantCodec::encode, GatewayChannelGrantCodec::decode);
    }

    @Property
    void gateway_priorities(@ForAll("priorities") int priority) throws Exception {
        assertRoundTrip(priority, GatewayPriorityCodec::encode, GatewayPriorityCodec::decode);
    }

    @Property
    void psk_hints(@ForAll("pskHints") PskHint hint) throws Exception {
        assertRoundTrip(hint, PskHintCodec::encode, PskHintCodec::decode);
        assertThat(PskHintCodec.fromText(PskHintCodec.toText(hint))).isEqualTo(hint);
    }

    @Property
    void psk_identities(@ForAll("uuids") UUID keyId) throws Exception {
        assertRoundTrip(keyId, PskHintCodec::encodeIdentity, PskHintCodec::decodeIdentity);
        assertThat(PskHintCodec.identityFromText(PskHintCodec.identityToText(keyId))).isEqualTo(keyId);
    }

    // ---- generators ---------------------------------------------------------------------------------

    @Provide
    Arbitrary<KeyDefinition> keyDefinitions() {
        return ModelArbitraries.keyDefinitions();
    }

    @Provide
    Arbitrary<SignatureDefinition> signatures() {
        return ModelArbitraries.signatures();
    }

    @Provide
    Arbitrary<AuthenticatedKey> authenticatedKeys() {
        return ModelArbitraries.authenticatedKeys();
    }

    @Provide
    Arbitrary<OwnerInformation> ownerInformation() {
        return ModelArbitraries.ownerInformation();
    }

    @Provide
    Arbitrary<BootstrapImage> bootstrapImages() {
        return ModelArbitraries.bootstrapImages();
    }

    @Provide
    Arbitrary<SimpleTimestamp> simpleTimestamps() {
        return ModelArbitraries.simpleTimestamps();
    }

    @Provide
    Arbitrary<PrecisionTimestamp> precisionTimestamps() {
        return ModelArbitraries.precisionTimestamps();
    }

    @Provide
    Arbitrary<SharedSecretPayload> sharedSecretPayloads() {
        return ModelArbitraries.sharedSecretPayloads();
    }

    @Provide
    Arbitrary<BootstrapPayload> bootstrapPayloads() {
        return ModelArbitraries.bootstrapPayloads();
    }

    @Provide
    Arbitrary<Address> addresses() {
        return ModelArbitraries.addresses();
    }

    @Provide
    Arbitrary<ChannelConfiguration> channelConfigurations() {
        return ModelArbitraries.channelConfigurations();
    }

    @Provide
    Arbitrary<ChannelInfo> channelInfos() {
        return ModelArbitraries.channelInfos();
    }

    @Provide
    Arbitrary<List<ChannelInfo>> channelLists() {
        return ModelArbitraries.channelInfos().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Long> channelIds() {
        return ModelArbitraries.channelIds();
    }

    @Provide
    Arbitrary<List<KeyListEntry>> keyLists() {
        return ModelArbitraries.keyListEntries().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<DeviceInfo> deviceInfos() {
        return ModelArbitraries.deviceInfos();
    }

    @Provide
    Arbitrary<QrPayload> qrPayloads() {
        return ModelArbitraries.qrPayloads();
    }

    @Provide
    Arbitrary<ChannelFrame> channelFrames() {
        return ModelArbitraries.channelFrames();
    }

    @Provide
    Arbitrary<GatewayChannelGrant> gatewayChannelGrants() {
        return ModelArbitraries.gatewayChannelGrants();
    }

    @Provide
    Arbitrary<Integer> priorities() {
        return Arbitraries.integers().greaterOrEqual(0);
    }

    @Provide
    Arbitrary<PskHint> pskHints() {
        return ModelArbitraries.pskHints();
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return ModelArbitraries.uuids();
    }
}
