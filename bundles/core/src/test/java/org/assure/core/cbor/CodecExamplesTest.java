package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assure.core.testing.Samples.DEVICE;
import static org.assure.core.testing.Samples.KEY_A;
import static org.assure.core.testing.Samples.KEY_B;
import static org.assure.core.testing.Samples.KEY_C;

import java.util.List;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.PskHint;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;

/** One worked example per codec: encode, decode, and the decoded value re-encodes to the same bytes. */
class CodecExamplesTest {
    @Test
    void given_timestamps_when_round_tripped_then_equal() throws Exception {
        SimpleTimestamp simple = new SimpleTimestamp(SimpleTimestamp.MAX_SECONDS);
        PrecisionTimestamp precision = new PrecisionTimestamp(500_000_000L, (1L << 32) - 1);

        assertThat(TimestampCodec.decodeSimple(TimestampCodec.encodeSimple(simple))).isEqualTo(simple);
        assertThat(TimestampCodec.decodePrecision(TimestampCodec.encodePrecision(precision))).isEqualTo(precision);
    }

    @Test
    void given_bootstrap_structures_when_round_tripped_then_equal() throws Exception {
        assertThat(SharedSecretPayloadCodec.decode(SharedSecretPayloadCodec.encode(Samples.sharedSecretPayload())))
                .isEqualTo(Samples.sharedSecretPayload());
        assertThat(BootstrapPayloadCodec.decode(BootstrapPayloadCodec.encode(Samples.bootstrapPayload())))
                .isEqualTo(Samples.bootstrapPayload());
        assertThat(BootstrapImageCodec.decode(BootstrapImageCodec.encode(Samples.bootstrapImage())))
                .isEqualTo(Samples.bootstrapImage());
    }

    @Test
    void given_channels_when_round_tripped_then_equal() throws Exception {
        List<org.assure.core.model.ChannelInfo> channels = List.of(Samples.channelInfo(), Samples.bluetoothChannelInfo());

        assertThat(ChannelConfigurationCodec.decode(ChannelConfigurationCodec.encode(Samples.channelConfiguration())))
                .isEqualTo(Samples.channelConfiguration());
        assertThat(ChannelInfoCodec.decodeList(ChannelInfoCodec.encodeList(channels))).isEqualTo(channels);
        assertThat(ChannelIdCodec.decode(ChannelIdCodec.encode(0xFFFF_FFFFL))).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void given_a_key_list_with_a_private_key_when_encoded_then_only_the_marker_travels() throws Exception {
        KeyListEntry entry = KeyListEntry.of(Samples.authenticatedKey());

        byte[] encoded = KeyListCodec.encode(List.of(entry));

        assertThat(new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("PRESENT");
        assertThat(KeyListCodec.decode(encoded)).containsExactly(entry);
        assertThat(entry.privateKeyPresent()).isTrue();
    }

    @Test
    void given_device_and_gateway_messages_when_round_tripped_then_equal() throws Exception {
        assertThat(DeviceInfoCodec.decode(DeviceInfoCodec.encode(Samples.deviceInfo()))).isEqualTo(Samples.deviceInfo());
        assertThat(GoodbyeReasonCodec.decode(GoodbyeReasonCodec.encode(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL)))
                .isEqualTo(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
        assertThat(QrPayloadCodec.decode(QrPayloadCodec.encode(Samples.qrPayload()))).isEqualTo(Samples.qrPayload());
        assertThat(ChannelFrameCodec.decode(ChannelFrameCodec.encode(Samples.channelFrame())))
                .isEqualTo(Samples.channelFrame());
        assertThat(GatewayChannelGrantCodec.decode(GatewayChannelGrantCodec.encode(Samples.gatewayChannelGrant())))
                .isEqualTo(Samples.gatewayChannelGrant());
        assertThat(GatewayPriorityCodec.decode(GatewayPriorityCodec.encode(3))).isEqualTo(3);
    }

    @Test
    void given_each_kind_of_psk_hint_when_round_tripped_as_text_then_equal() throws Exception {
        List<PskHint> hints = List.of(new PskHint.KeyIdHint(KEY_A),
                new PskHint.KeyDefinitionHint(Samples.derivedKey(KEY_B, DEVICE)),
                new PskHint.KeyChainHint(List.of(Samples.derivedKey(KEY_B, DEVICE), Samples.derivedKey(KEY_C, KEY_B))));

        for (PskHint hint : hints) {
            assertThat(PskHintCodec.fromText(PskHintCodec.toText(hint))).isEqualTo(hint);
        }
        assertThat(PskHintCodec.identityFromText(PskHintCodec.identityToText(KEY_A))).isEqualTo(KEY_A);
    }
}
