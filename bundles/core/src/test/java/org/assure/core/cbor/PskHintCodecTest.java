package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assure.core.testing.Samples.KEY_A;

import java.util.Base64;
import org.assure.core.model.PskHint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The base64 text form of PSK hints and identities (PROFILE §6, PROFILE-ADDITIONS §6). */
class PskHintCodecTest {
    /** base64 of {@code 50 0a...0a}: the identity of KEY_A. */
    private static final String IDENTITY = "UAoKCgoKCgoKCgoKCgoKCgo=";

    @Test
    void given_a_key_uuid_then_the_identity_text_is_base64_of_its_cbor_byte_string() throws Exception {
        assertThat(PskHintCodec.identityToText(KEY_A)).isEqualTo(IDENTITY);
        assertThat(PskHintCodec.identityFromText(IDENTITY)).isEqualTo(KEY_A);
        assertThat(PskHintCodec.fromText(IDENTITY)).isEqualTo(new PskHint.KeyIdHint(KEY_A));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "UAoKCgoKCgoKCgoKCgoKCgo", // padding missing
        "UAoKCgoKCgoKCgoKCgoKCgp=", // unused bits not zero
        "UAoKCgoKCgoKCgoK\nCgoKCgo=", // line break
        " UAoKCgoKCgoKCgoKCgoKCgo=", // leading space
        "UAoKCgoKCgoKCgoKCgoKCgo==", // extra padding
        "UAoKCgoKCgoKCgoKCgoKCgo-", // URL-safe alphabet
        "UAoKCgoKCgoKCgoKCgoKCgo=\u00e9", // non-ASCII
        "", // nothing
        "=" })
    void given_non_canonical_base64_when_read_then_a_decode_exception(String text) {
        assertThatThrownBy(() -> PskHintCodec.identityFromText(text)).isExactlyInstanceOf(CborDecodeException.class)
                .hasMessageStartingWith("psk_identity");
        assertThatThrownBy(() -> PskHintCodec.fromText(text)).isExactlyInstanceOf(CborDecodeException.class)
                .hasMessageStartingWith("psk_identity_hint");
    }

    @Test
    void given_a_hint_text_longer_than_a_tls_field_when_read_then_rejected_before_decoding() {
        String longText = Base64.getEncoder().encodeToString(new byte[49_152]);

        assertThat(longText.length()).isGreaterThan(PskHintCodec.MAX_TEXT_LENGTH);
        assertThatThrownBy(() -> PskHintCodec.fromText(longText)).isExactlyInstanceOf(CborDecodeException.class)
                .hasMessageContaining("longer than 65535");
    }

    @Test
    void given_a_rejected_text_then_the_message_never_echoes_it() {
        String text = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=";

        assertThatThrownBy(() -> PskHintCodec.fromText(text)).isExactlyInstanceOf(CborDecodeException.class)
                .message().doesNotContain(text).doesNotContain("secret");
    }
}
