package org.assure.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PingRequestTest {
    @Test
    void readsTheChannelIdAndThePayload() {
        assertThat(PingRequest.parse("4294967295", "hello")).isEqualTo(new PingRequest(4294967295L, "hello"));
        assertThat(PingRequest.parse("0", null)).isEqualTo(new PingRequest(0, ""));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "1.5", "x1", " 1", "4294967296", "99999999999", "１"})
    void refusesAnythingButAChannelIdWithAFixedTextThatDoesNotEchoTheInput(String channel) {
        assertThatThrownBy(() -> PingRequest.parse(channel, "p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("channel (must be a channel id|out of range)");
    }

    @Test
    void refusesAPayloadLongerThanTheLimitCountedInUtf8Bytes() {
        String justFits = "é".repeat(PingRequest.MAX_PAYLOAD_BYTES / 2);
        assertThat(PingRequest.parse("1", justFits).payload()).isEqualTo(justFits);
        assertThatThrownBy(() -> PingRequest.parse("1", justFits + "x")).hasMessage("payload too long");
    }

    @Test
    void aResultIsEitherAnEchoOrAnError() {
        assertThat(PingResult.ok("hi", 3).ok()).isTrue();
        assertThat(PingResult.failed("no such channel").ok()).isFalse();
        assertThatThrownBy(() -> new PingResult(java.util.Optional.of("a"), 1, java.util.Optional.of("b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJsonAnswersOfAPing() throws Exception {
        assertThat(AssureConsolePlugin.pingJson(PingResult.ok("a\"b", 12)))
                .isEqualTo("{\"ok\":true,\"echo\":\"a\\\"b\",\"rttMillis\":12}");
        assertThat(AssureConsolePlugin.pingJson(PingResult.failed("channel is not open")))
                .isEqualTo("{\"ok\":false,\"error\":\"channel is not open\"}");
    }

    @Test
    void thePageEscapesEverythingItShows() {
        assertThat(StatusPage.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void withoutGatewayServicesThePageSaysWhatIsNotActive() throws Exception {
        GatewayView none = new AssureConsolePlugin(null, null, null, null).view();
        assertThat(StatusPage.html(none)).contains("keystore is not active", "bootstrap client is not active",
                "The channel manager is not active.");
        java.io.StringWriter json = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator generator = new com.fasterxml.jackson.core.JsonFactory()
                .createGenerator(json)) {
            StatusReport.write(generator, none);
        }
        assertThat(json.toString()).isEqualTo("{\"deviceId\":null,\"bootstrap\":{\"state\":null,\"lastOutcome\":null,"
                + "\"lastReason\":null,\"lastAttemptAt\":null,\"nextAttemptAt\":null},\"device\":{\"manufacturer\":null,\"productCode\":null,\"serialNumber\":null,\"buildDate\":null,\"softwareVersion\":null},\"channels\":[],\"keys\":[],"
                + "\"keystoreActive\":false,\"channelsActive\":false,\"bootstrapActive\":false}");
    }
}
