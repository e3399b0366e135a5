package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key schedule against fixed vectors (prf-sha256.txt) and the RFC 4279 premaster layout. */
class KeyScheduleTest {
    private static final HexFormat HEX = HexFormat.of();

    private record Vector(byte[] secret, String label, byte[] seed, byte[] output) {
    }

    private static List<Vector> vectors() throws Exception {
        List<Vector> vectors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                KeyScheduleTest.class.getResourceAsStream("prf-sha256.txt"), StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ");
                vectors.add(new Vector(HEX.parseHex(parts[0]), parts[1], HEX.parseHex(parts[2]),
                        HEX.parseHex(parts[3])));
            }
        }
        return vectors;
    }

    @Test
    void givenVectorFile_whenPrfRuns_thenEveryOutputMatches() throws Exception {
        List<Vector> vectors = vectors();
        assertThat(vectors).hasSize(4);
        for (Vector v : vectors) {
            byte[] out = KeySchedule.prf(v.secret(), v.label().getBytes(StandardCharsets.US_ASCII), v.seed(), null,
                    v.output().length);
            assertThat(out).as(v.label()).isEqualTo(v.output());
        }
    }

    @Test
    void givenNamedDerivations_thenTheyAreThePrfWithTheirLabelsAndSeedOrder() throws Exception {
        List<Vector> vectors = vectors();
        Vector ems = vectors.get(1);
        assertThat(KeySchedule.extendedMasterSecret(ems.secret(), ems.seed())).isEqualTo(ems.output());

        Vector expansion = vectors.get(2);
        // key expansion seeds with server random, then client random.
        byte[] serverRandom = java.util.Arrays.copyOfRange(expansion.seed(), 0, 32);
        byte[] clientRandom = java.util.Arrays.copyOfRange(expansion.seed(), 32, 64);
        assertThat(KeySchedule.keyBlock(expansion.secret(), clientRandom, serverRandom, 40))
                .isEqualTo(expansion.output());

        Vector finished = vectors.get(3);
        assertThat(KeySchedule.verifyData(finished.secret(), true, finished.seed())).isEqualTo(finished.output());
        assertThat(KeySchedule.verifyData(finished.secret(), false, finished.seed())).isNotEqualTo(finished.output());
    }

    @Test
    void givenPsk_thenPremasterIsLengthZerosLengthKey() {
        assertThat(KeySchedule.pskPremasterSecret(new byte[] {7, 8, 9}))
                .containsExactly(0, 3, 0, 0, 0, 0, 3, 7, 8, 9);
    }
}
