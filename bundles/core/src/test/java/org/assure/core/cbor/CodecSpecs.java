package org.assure.core.cbor;

import static org.assure.core.testing.Samples.DEVICE;
import static org.assure.core.testing.Samples.KEY_A;
import static org.assure.core.testing.Samples.KEY_B;
import static org.assure.core.testing.Samples.KEY_C;
import static org.assure.core.testing.Samples.bytes;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assure.core.model.BacnetAddress;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.PskHint;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.testing.Samples;

/** Every CBOR codec of the package, with samples of each variant it encodes. */
final class CodecSpecs {
    private CodecSpecs() {
    }

    static List<CodecSpec> all() {
        return List.of(
                CodecSpec.of("key_definition", KeyDefinitionCodec::encode, KeyDefinitionCodec::decode,
                        List.of(Samples.ecKey(KEY_A, true), Samples.rsaKey(KEY_B), Samples.derivedKey(KEY_C, KEY_A))),
                CodecSpec.of("signature", SignatureCodec::encode, SignatureCodec::decode,
                        List.of(Samples.ecSignature(KEY_A), Samples.rsaSignature(KEY_B), Samples.hmacSignature(KEY_C))),
                CodecSpec.of("authenticated_key", AuthenticatedKeyCodec::encode, AuthenticatedKeyCodec::decode,
                        List.of(Samples.authenticatedKey())),
                CodecSpec.of("owner_information", OwnerInformationCodec::encode, OwnerInformationCodec::decode,
                        List.of(Samples.ownerInformation())),
                CodecSpec.of("bootstrap_image", BootstrapImageCodec::encode, BootstrapImageCodec::decode,
                        List.of(Samples.bootstrapImage())),
                CodecSpec.of("simple_timestamp", TimestampCodec::encodeSimple, TimestampCodec::decodeSimple,
                        List.of(new SimpleTimestamp(441_763_200L))),
                CodecSpec.of("precision_timestamp", TimestampCodec::encodePrecision, TimestampCodec::decodePrecision,
                        List.of(new PrecisionTimestamp(441_763_200L, 1L << 31))),
                CodecSpec.of("shared_secret_payload", SharedSecretPayloadCodec::encode, SharedSecretPayloadCodec::decode,
                        List.of(Samples.sharedSecretPayload())),
                CodecSpec.of("bootstrap_payload", BootstrapPayloadCodec::encode, BootstrapPayloadCodec::decode,
                        List.of(Samples.bootstrapPayload())),
                CodecSpec.of("address", AddressCodec::encode, AddressCodec::decode,
                        List.of(new BacnetAddress(OptionalInt.of(5), bytes(6, 0x0a)), BacnetAddress.local(bytes(1, 0x01)),
                                new IpAddress(bytes(4, 0x7f), 0, 5684), new IpAddress(bytes(16, 0xfe), 5684, 5684),
                                new BluetoothAddress(bytes(6, 0x0b)))),
                CodecSpec.of("channel_configuration", ChannelConfigurationCodec::encode,
                        ChannelConfigurationCodec::decode, List.of(Samples.channelConfiguration(),
                                new ChannelConfiguration(KEY_A, Optional.empty(), ChannelFlags.data(true, true),
                                        new BluetoothAddress(bytes(6, 0x0b))))),
                CodecSpec.of("channel_info", ChannelInfoCodec::encode, ChannelInfoCodec::decode,
                        List.of(Samples.channelInfo(), Samples.bluetoothChannelInfo())),
                CodecSpec.<List<ChannelInfo>>of("channel_list", ChannelInfoCodec::encodeList, ChannelInfoCodec::decodeList,
                        List.of(List.of(Samples.channelInfo(), Samples.bluetoothChannelInfo()))),
                CodecSpec.<Long>of("channel_id", ChannelIdCodec::encode, ChannelIdCodec::decode, List.of(7L)),
                CodecSpec.<List<KeyListEntry>>of("key_list", KeyListCodec::encode, KeyListCodec::decode,
                        List.of(List.of(KeyListEntry.of(Samples.authenticatedKey()),
                                KeyListEntry.of(new org.assure.core.model.AuthenticatedKey(
                                        org.assure.core.model.IdentityClass.CHANNEL, Samples.derivedKey(KEY_C, KEY_A),
                                        org.assure.core.model.KeyMetadata.NONE, Samples.hmacSignature(KEY_A)))))),
                CodecSpec.of("device_info", DeviceInfoCodec::encode, DeviceInfoCodec::decode,
                        List.of(Samples.deviceInfo())),
                CodecSpec.of("goodbye_reason", GoodbyeReasonCodec::encode, GoodbyeReasonCodec::decode,
                        List.of(GoodbyeReason.REBOOT_BY_MANAGEMENT)),
                CodecSpec.of("qr_payload", QrPayloadCodec::encode, QrPayloadCodec::decode, List.of(Samples.qrPayload())),
                CodecSpec.of("channel_frame", ChannelFrameCodec::encode, ChannelFrameCodec::decode,
                        List.of(Samples.channelFrame())),
                CodecSpec.of("gateway_channel_grant", GatewayChannelGrantCodec::encode, GatewayChannelGrantCodec::decode,
                        List.of(Samples.gatewayChannelGrant())),
                CodecSpec.<Integer>of("gateway_priority", GatewayPriorityCodec::encode, GatewayPriorityCodec::decode,
                        List.of(3)),
                CodecSpec.of("psk_hint", PskHintCodec::encode, PskHintCodec::decode,
                        List.of(new PskHint.KeyIdHint(KEY_A), new PskHint.KeyDefinitionHint(Samples.derivedKey(KEY_B, DEVICE)),
                                new PskHint.KeyChainHint(List.of(Samples.derivedKey(KEY_B, DEVICE),
                                        Samples.derivedKey(KEY_C, KEY_B))))),
                CodecSpec.of("psk_identity", PskHintCodec::encodeIdentity, PskHintCodec::decodeIdentity, List.of(KEY_A)));
    }
}
