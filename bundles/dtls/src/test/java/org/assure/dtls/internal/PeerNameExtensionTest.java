package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeerNameExtensionTest {
    private static final UUID NAME = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

    @Test
    void givenUuid_whenEncoded_thenPeerNameListHasOneUuidEntry() {
        assertThat(HexFormat.of().formatHex(PeerNameExtension.encode(NAME)))
                .isEqualTo("0011" + "00" + "00112233445566778899aabbccddeeff");
    }

    @Test
    void givenEncodedName_whenDecoded_thenSameUuid() {
        assertThat(PeerNameExtension.decode(PeerNameExtension.encode(NAME))).contains(NAME);
    }

    @Test
    void givenTwoEntries_whenDecoded_thenFirstUuid() {
        byte[] two = HexFormat.of().parseHex("0022" + "00" + "00112233445566778899aabbccddeeff"
                + "00" + "ffeeddccbbaa99887766554433221100");
        assertThat(PeerNameExtension.decode(two)).contains(NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0000", "0011", "001100112233445566778899aabbccddeeff",
        "00110100112233445566778899aabbccddeeff", "001000112233445566778899aabbccddee",
        "00120000112233445566778899aabbccddeeff00"})
    void givenMalformedList_whenDecoded_thenEmpty(String hex) {
        assertThat(PeerNameExtension.decode(HexFormat.of().parseHex(hex))).isEmpty();
    }
}
