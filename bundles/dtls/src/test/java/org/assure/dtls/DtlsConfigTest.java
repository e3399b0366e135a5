package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DtlsConfigTest {
    @Test
    void givenDefaults_thenProfileValues() {
        DtlsConfig config = DtlsConfig.defaults();

        assertThat(config.peerNameExtension()).isEqualTo(0xFF00);
        assertThat(config.handshakeTimeout()).isPositive();
        assertThat(config.maxFragmentLength()).isEqualTo(1024);
        assertThat(config.heartbeatInterval()).isZero();
        assertThat(config.handshakeThreads()).isZero();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("handshakeTimeout", (UnaryOperator<DtlsConfig.Builder>) b -> b.handshakeTimeout(Duration.ZERO)),
                Arguments.of("retransmissionInitial", (UnaryOperator<DtlsConfig.Builder>) b -> b.retransmissionInitial(Duration.ofSeconds(61))),
                Arguments.of("retransmissionInitial", (UnaryOperator<DtlsConfig.Builder>) b -> b.handshakeTimeout(Duration.ofSeconds(1)).retransmissionInitial(Duration.ofSeconds(1))),
                Arguments.of("maxConcurrentHandshakes", (UnaryOperator<DtlsConfig.Builder>) b -> b.maxConcurrentHandshakes(0)),
                Arguments.of("maxSessions", (UnaryOperator<DtlsConfig.Builder>) b -> b.maxSessions(0)),
                Arguments.of("sessionCacheSize", (UnaryOperator<DtlsConfig.Builder>) b -> b.sessionCacheSize(-1)),
                Arguments.of("heartbeatInterval", (UnaryOperator<DtlsConfig.Builder>) b -> b.heartbeatInterval(Duration.ofMillis(-5))),
                Arguments.of("heartbeatTimeout", (UnaryOperator<DtlsConfig.Builder>) b -> b.heartbeatInterval(Duration.ofSeconds(1)).heartbeatTimeout(Duration.ZERO)),
                Arguments.of("idleTimeout", (UnaryOperator<DtlsConfig.Builder>) b -> b.idleTimeout(Duration.ofMillis(-1))),
                Arguments.of("peerNameExtension", (UnaryOperator<DtlsConfig.Builder>) b -> b.peerNameExtension(0x10000)),
                Arguments.of("maxFragmentLength", (UnaryOperator<DtlsConfig.Builder>) b -> b.maxFragmentLength(1000)),
                Arguments.of("workerThreads", (UnaryOperator<DtlsConfig.Builder>) b -> b.workerThreads(-1)),
                Arguments.of("handshakeThreads", (UnaryOperator<DtlsConfig.Builder>) b -> b.handshakeThreads(-1)),
                Arguments.of("handshakeThreads", (UnaryOperator<DtlsConfig.Builder>) b -> b.handshakeThreads(1025)));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void givenSettingOutOfRange_whenBuilt_thenRejectedNamingIt(String name, UnaryOperator<DtlsConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(DtlsConfig.builder()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }
}
