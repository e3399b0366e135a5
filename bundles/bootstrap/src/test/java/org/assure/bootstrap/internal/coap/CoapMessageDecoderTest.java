package org.assure.bootstrap.internal.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.assure.bootstrap.internal.ReplayRequest;
import org.assure.core.model.Bytes;
import org.junit.jupiter.api.Test;

/** RFC 7252 §3 encodings written by hand, so the decoder is checked against the RFC, not against Californium. */
class CoapMessageDecoderTest {
    private final CoapMessageDecoder decoder = new CoapMessageDecoder();

    @Test
    void given_a_put_with_path_query_format_and_payload_when_decoded_then_every_part_comes_out() {
        // ver 1, CON, TKL 1; PUT (0.03); MID 0x1234; token 0x7f; Uri-Path "v1" (11), "keys" (delta 0),
        // Content-Format 60 (delta 1), Uri-Query "a=1" (delta 3); payload marker; payload a1 02.
        Bytes message = Bytes.fromHex("410312347f" + "b27631" + "046b657973" + "113c" + "3361" + "3d31" + "ff" + "a102");

        ReplayRequest request = decoder.decode(message);

        assertThat(request.method()).isEqualTo(3);
        assertThat(request.path()).isEqualTo(List.of("v1", "keys"));
        assertThat(request.query()).isEqualTo(List.of("a=1"));
        assertThat(request.contentFormat()).isEqualTo(OptionalInt.of(60));
        assertThat(request.payload()).isEqualTo(Bytes.fromHex("a102"));
    }

    @Test
    void given_a_get_without_payload_when_decoded_then_the_payload_is_empty() {
        ReplayRequest request = decoder.decode(Bytes.fromHex("40010001" + "b27631" + "0470696e67"));

        assertThat(request.method()).isEqualTo(1);
        assertThat(request.path()).isEqualTo(List.of("v1", "ping"));
        assertThat(request.payload()).isEqualTo(Bytes.EMPTY);
    }

    @Test
    void given_messages_that_are_not_local_api_requests_when_decoded_then_refused() {
        for (String hex : List.of(
                "6044" + "0001",            // an ACK response 2.04
                "40000001",                 // an empty message
                "40050001b27631",           // FETCH (0.05): not a Device Management API method
                "40030001" + "3b6578616d706c652e636f6d" + "82" + "7631", // Uri-Host example.com, Uri-Path v1
                "400300",                   // truncated header
                "40030001ff",               // payload marker without payload
                "80030001")) {              // version 2
            assertThatThrownBy(() -> decoder.decode(Bytes.fromHex(hex))).as(hex)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
