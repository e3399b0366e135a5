package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.assure.core.model.KeyListEntry;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;

/** Values no decoder would accept are refused when encoding, as programming errors. */
class EncoderPreconditionsTest {
    @Test
    void given_out_of_range_scalars_when_encoded_then_illegal_argument() {
        assertThatThrownBy(() -> ChannelIdCodec.encode(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelIdCodec.encode(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayPriorityCodec.encode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_lists_over_1024_entries_when_encoded_then_illegal_argument() {
        assertThatThrownBy(() -> ChannelInfoCodec.encodeList(Collections.nCopies(1025, Samples.channelInfo())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyListCodec.encode(Collections.nCopies(1025, KeyListEntry.of(Samples.authenticatedKey()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_lists_of_exactly_1024_entries_when_round_tripped_then_accepted() throws Exception {
        var channels = Collections.nCopies(1024, Samples.bluetoothChannelInfo());

        assertThat(ChannelInfoCodec.decodeList(ChannelInfoCodec.encodeList(channels))).hasSize(1024);
    }

    @Test
    void given_a_qr_payload_with_16_byte_ids_when_encoded_then_exactly_36_bytes() {
        // Draft §6.2.5: "If the device UUID and case UUID are both 128 bits then this will encode in 36 bytes."
        assertThat(QrPayloadCodec.encode(Samples.qrPayload())).hasSize(36);
    }
}
