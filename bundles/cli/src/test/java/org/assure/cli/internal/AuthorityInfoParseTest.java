package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The authority document comes from a file in the tool's home or from {@code GET /v1/authority} over the network:
 * anything malformed must end in the tool's one-line error, never in another exception.
 */
class AuthorityInfoParseTest {
    private static final String FORMAT = "\"format\":\"" + AuthorityInfo.FORMAT + "\"";

    @Test
    void truncated_wrong_typed_and_incomplete_documents_are_refused_with_a_clear_error() {
        List<String> documents = List.of("", "{", "[]", "null", "42", "{\"format\":1}", "{\"format\":\"other\"}",
                "{" + FORMAT + "}",
                "{" + FORMAT + ",\"trusted_authority_url\":7}",
                "{" + FORMAT + ",\"trusted_authority_url\":\"http://ta.example\"}",
                "{" + FORMAT + ",\"trusted_authority_url\":\"https://ta.example\",\"ca_certificate\":\"garbage\"}",
                "{" + FORMAT + ",\"trusted_authority_url\":\"https://ta.example:8443\"",
                "{" + FORMAT + ",\"trusted_authority_url\":\"https:// bad\"}");
        for (String document : documents) {
            assertThatThrownBy(() -> AuthorityInfo.parse(document, "authority.json")).as(document)
                    .isInstanceOf(CliException.class).hasMessageStartingWith("authority.json");
        }
    }

    @Test
    void random_input_is_refused_with_a_clear_error() {
        Random random = new Random(20261205);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String document = i % 2 == 0 ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : "{" + FORMAT + ",\"trusted_authority_url\":\"" + new String(bytes, StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> AuthorityInfo.parse(document, "authority.json"))
                    .isInstanceOf(CliException.class);
        }
    }
}
