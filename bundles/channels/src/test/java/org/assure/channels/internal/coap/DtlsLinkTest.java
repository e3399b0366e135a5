package org.assure.channels.internal.coap;

import static org.assertj.core.api.Assertions.assertThat;

import org.assure.core.model.ChannelState;
import org.assure.dtls.CloseReason;
import org.junit.jupiter.api.Test;

class DtlsLinkTest {
    @Test
    void close_reasons_map_to_profile_states() {
        assertThat(DtlsLink.stateAfter(CloseReason.PEER_CLOSED)).isEqualTo(ChannelState.CLOSED);
        assertThat(DtlsLink.stateAfter(CloseReason.LOCAL)).isEqualTo(ChannelState.CLOSED);
        assertThat(DtlsLink.stateAfter(CloseReason.HEARTBEAT_TIMEOUT)).isEqualTo(ChannelState.PEER_NO_ANSWER);
        assertThat(DtlsLink.stateAfter(CloseReason.IDLE_TIMEOUT)).isEqualTo(ChannelState.PEER_NO_ANSWER);
        assertThat(DtlsLink.stateAfter(CloseReason.PEER_ALERT)).isEqualTo(ChannelState.OTHER_ERROR);
        assertThat(DtlsLink.stateAfter(CloseReason.ENGINE_CLOSED)).isEqualTo(ChannelState.OTHER_ERROR);
    }

    @Test
    void channel_tags_are_plain_decimal_ids() {
        assertThat(DtlsChannels.parseTag("0")).hasValue(0L);
        assertThat(DtlsChannels.parseTag("4294967295")).hasValue(4294967295L);
        assertThat(DtlsChannels.parseTag("01")).isEmpty();
        assertThat(DtlsChannels.parseTag("-1")).isEmpty();
        assertThat(DtlsChannels.parseTag("12345678901")).isEmpty();
        assertThat(DtlsChannels.parseTag("key:x")).isEmpty();
    }
}
