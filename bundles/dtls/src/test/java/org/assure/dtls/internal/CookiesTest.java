package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class CookiesTest {
    private static Wire.ClientHello hello(byte random) {
        Wire.ClientHello hello = new Wire.ClientHello();
        hello.version = Wire.DTLS12;
        hello.random = new byte[32];
        hello.random[0] = random;
        hello.sessionId = new byte[0];
        hello.cookie = new byte[0];
        hello.suites = new int[] {0xC0A8};
        hello.compressions = new byte[] {0};
        hello.extensions = new LinkedHashMap<>();
        return hello;
    }

    @Test
    void givenCookie_thenItIsValidOnlyForTheSamePeerAndHello() {
        Cookies cookies = new Cookies(new SecureRandom(), 60_000, 0);
        byte[] peer = {1, 2, 3, 4};
        Wire.ClientHello first = hello((byte) 1);
        assertThat(cookies.valid(peer, first, 0)).as("no cookie").isFalse();

        Wire.ClientHello answered = hello((byte) 1);
        answered.cookie = cookies.cookie(peer, first, 0);
        assertThat(cookies.valid(peer, answered, 10)).isTrue();
        assertThat(cookies.valid(new byte[] {1, 2, 3, 5}, answered, 10)).as("other peer").isFalse();

        Wire.ClientHello otherRandom = hello((byte) 2);
        otherRandom.cookie = answered.cookie;
        assertThat(cookies.valid(peer, otherRandom, 10)).as("other ClientHello").isFalse();

        Wire.ClientHello truncated = hello((byte) 1);
        truncated.cookie = java.util.Arrays.copyOf(answered.cookie, 31);
        assertThat(cookies.valid(peer, truncated, 10)).isFalse();
    }

    @Test
    void givenRotation_thenTheLastSecretStillCountsButNotTheOneBefore() {
        Cookies cookies = new Cookies(new SecureRandom(), 1_000, 0);
        byte[] peer = {9};
        Wire.ClientHello answered = hello((byte) 3);
        answered.cookie = cookies.cookie(peer, hello((byte) 3), 0);

        assertThat(cookies.valid(peer, answered, 1_500)).as("after one rotation").isTrue();
        assertThat(cookies.valid(peer, answered, 2_600)).as("after two rotations").isFalse();
    }

    @Test
    void givenHelloVerifyRequest_thenItEchoesTheRecordSequenceAndCarriesTheCookie() throws Exception {
        byte[] record = Cookies.helloVerifyRequest(42, new byte[] {5, 6});
        Wire.RecordHeader header = Wire.record(record, 0, record.length);
        assertThat(header.seq()).isEqualTo(42);
        assertThat(header.type()).isEqualTo(Wire.CT_HANDSHAKE);
        Wire.FragmentHeader fragment = Wire.fragment(record, header.offset(), header.length());
        assertThat(fragment.type()).isEqualTo(Wire.HT_HELLO_VERIFY_REQUEST);
        byte[] body = java.util.Arrays.copyOfRange(record, header.offset() + 12, record.length);
        assertThat(Wire.decodeHelloVerifyRequest(body)).containsExactly(5, 6);
    }
}
