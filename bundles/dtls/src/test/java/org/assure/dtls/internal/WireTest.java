package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wire decoders refuse truncated, oversized, wrong-typed and random input with a clear failure. */
class WireTest {
    private static Wire.ClientHello sampleHello() {
        Wire.ClientHello hello = new Wire.ClientHello();
        hello.version = Wire.DTLS12;
        hello.random = new byte[32];
        Arrays.fill(hello.random, (byte) 7);
        hello.sessionId = new byte[] {1, 2, 3};
        hello.cookie = new byte[] {4, 5};
        hello.suites = new int[] {0xC0A8, 0x00FF};
        hello.compressions = new byte[] {0};
        Map<Integer, byte[]> extensions = new LinkedHashMap<>();
        extensions.put(Wire.EXT_EXTENDED_MASTER_SECRET, new byte[0]);
        extensions.put(0xFF00, new byte[] {0, 1, 2});
        hello.extensions = extensions;
        return hello;
    }

    @Test
    void givenClientHello_whenEncodedAndDecoded_thenFieldsSurvive() throws Exception {
        Wire.ClientHello decoded = Wire.ClientHello.decode(sampleHello().encode());

        assertThat(decoded.version).isEqualTo(Wire.DTLS12);
        assertThat(decoded.sessionId).containsExactly(1, 2, 3);
        assertThat(decoded.cookie).containsExactly(4, 5);
        assertThat(decoded.suites).containsExactly(0xC0A8, 0x00FF);
        assertThat(decoded.offers(0xC0A8)).isTrue();
        assertThat(decoded.offers(0xC0AE)).isFalse();
        assertThat(decoded.extensions).containsOnlyKeys(Wire.EXT_EXTENDED_MASTER_SECRET, 0xFF00);
        assertThat(decoded.extensions.get(0xFF00)).containsExactly(0, 1, 2);
    }

    @Test
    void givenTruncatedClientHello_thenEveryPrefixFailsToDecode() {
        byte[] encoded = sampleHello().encode();
        for (int length = 0; length < encoded.length; length++) {
            byte[] prefix = Arrays.copyOf(encoded, length);
            if (length == encoded.length - 2 - 4 - 4 - 3) {
                continue;
            }
            assertThatThrownBy(() -> Wire.ClientHello.decode(prefix)).as("prefix %d", length)
                    .isInstanceOf(Wire.DecodeException.class);
        }
    }

    @Test
    void givenTrailingByteOrDuplicateExtension_thenDecodeFails() {
        byte[] encoded = sampleHello().encode();
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> Wire.ClientHello.decode(trailing)).isInstanceOf(Wire.DecodeException.class);

        Wire.ClientHello hello = sampleHello();
        hello.extensions = new LinkedHashMap<>();
        byte[] body = hello.encode();
        // Append two EMS extensions by hand: u16 total, (u16 type, u16 len) twice.
        byte[] duplicated = Arrays.copyOf(body, body.length + 10);
        int at = body.length;
        duplicated[at + 1] = 8;
        duplicated[at + 3] = 23;
        duplicated[at + 7] = 23;
        assertThatThrownBy(() -> Wire.ClientHello.decode(duplicated)).isInstanceOf(Wire.DecodeException.class)
                .hasMessageContaining("duplicate");
    }

    @Test
    void givenOddSuitesOrNoCompression_thenDecodeFails() {
        Wire.ClientHello hello = sampleHello();
        hello.compressions = new byte[0];
        assertThatThrownBy(() -> Wire.ClientHello.decode(hello.encode())).isInstanceOf(Wire.DecodeException.class);
        Wire.ClientHello noSuites = sampleHello();
        noSuites.suites = new int[0];
        assertThatThrownBy(() -> Wire.ClientHello.decode(noSuites.encode())).isInstanceOf(Wire.DecodeException.class);
    }

    @Test
    void givenRandomInput_thenDecodersFailCleanly() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] data = new byte[random.nextInt(120)];
            random.nextBytes(data);
            decodesOrFailsCleanly(() -> Wire.ClientHello.decode(data));
            decodesOrFailsCleanly(() -> Wire.ServerHello.decode(data));
            decodesOrFailsCleanly(() -> Wire.decodeHelloVerifyRequest(data));
            decodesOrFailsCleanly(() -> Wire.decodeOpaque16(data));
            decodesOrFailsCleanly(() -> Wire.fragment(data, 0, data.length));
            Wire.record(data, 0, data.length);
        }
    }

    @Test
    void givenRandomMutationsOfAValidHello_thenDecodersFailCleanly() {
        Random random = new Random(7);
        byte[] valid = sampleHello().encode();
        for (int i = 0; i < 20_000; i++) {
            byte[] data = valid.clone();
            data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            decodesOrFailsCleanly(() -> Wire.ClientHello.decode(data));
        }
    }

    interface Decode {
        Object run() throws Exception;
    }

    private static void decodesOrFailsCleanly(Decode decode) {
        try {
            decode.run();
        } catch (Wire.DecodeException e) {
            // the expected failure
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    @Test
    void givenServerHello_whenEncodedAndDecoded_thenFieldsSurvive() throws Exception {
        Wire.ServerHello hello = new Wire.ServerHello();
        hello.version = Wire.DTLS12;
        hello.random = new byte[32];
        hello.sessionId = new byte[32];
        hello.suite = 0xC0A8;
        hello.compression = 0;
        hello.extensions = new LinkedHashMap<>(Map.of(Wire.EXT_EXTENDED_MASTER_SECRET, new byte[0]));

        Wire.ServerHello decoded = Wire.ServerHello.decode(hello.encode());

        assertThat(decoded.suite).isEqualTo(0xC0A8);
        assertThat(decoded.sessionId).hasSize(32);
        assertThat(decoded.extensions).containsOnlyKeys(Wire.EXT_EXTENDED_MASTER_SECRET);
        byte[] longSessionId = hello.encode();
        longSessionId[34] = 33;
        assertThatThrownBy(() -> Wire.ServerHello.decode(longSessionId)).isInstanceOf(Wire.DecodeException.class);
    }

    @Test
    void givenRecords_thenHeaderBoundsAndVersionsAreChecked() {
        byte[] record = {22, (byte) 0xFE, (byte) 0xFD, 0, 1, 0, 0, 0, 0, 0, 9, 0, 2, 5, 6};
        Wire.RecordHeader header = Wire.record(record, 0, record.length);
        assertThat(header).isEqualTo(new Wire.RecordHeader(22, Wire.DTLS12, 1, 9, 13, 2));

        byte[] dtls10 = record.clone();
        dtls10[2] = (byte) 0xFF;
        assertThat(Wire.record(dtls10, 0, dtls10.length)).isNotNull();
        byte[] tls = record.clone();
        tls[1] = 3;
        tls[2] = 3;
        assertThat(Wire.record(tls, 0, tls.length)).as("TLS version").isNull();
        assertThat(Wire.record(record, 0, record.length - 1)).as("fragment truncated").isNull();
        assertThat(Wire.record(record, 0, 12)).as("header truncated").isNull();
    }

    @Test
    void givenFragmentHeaders_thenBoundsAreChecked() throws Exception {
        byte[] message = Wire.handshakeMessage(Wire.HT_FINISHED, 3, new byte[12]);
        Wire.FragmentHeader header = Wire.fragment(message, 0, message.length);
        assertThat(header).isEqualTo(new Wire.FragmentHeader(Wire.HT_FINISHED, 12, 3, 0, 12));

        assertThatThrownBy(() -> Wire.fragment(message, 0, message.length - 1))
                .isInstanceOf(Wire.DecodeException.class);
        byte[] beyond = message.clone();
        beyond[8] = 1; // fragment offset 1 + length 12 > 12
        assertThatThrownBy(() -> Wire.fragment(beyond, 0, beyond.length)).isInstanceOf(Wire.DecodeException.class);
        byte[] huge = message.clone();
        huge[1] = 1; // length 65548 > the limit
        assertThatThrownBy(() -> Wire.fragment(huge, 0, huge.length)).isInstanceOf(Wire.DecodeException.class)
                .hasMessageContaining("too long");
    }
}
