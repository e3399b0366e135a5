package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.CCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class RecordCipherTest {
    private final Random random = new Random(3);

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void givenRecords_whenSealedWithOwnCcm8_thenBouncyCastlesCcmAgreesByteForByte() throws Exception {
        for (int length = 0; length < 80; length++) {
            byte[] key = bytes(16);
            byte[] salt = bytes(4);
            byte[] plain = bytes(length);
            RecordCipher own = RecordCipher.ccm8(key, salt, true);
            byte[] out = new byte[8 + length + 8];
            int written = own.encrypt(23, Wire.DTLS12, 1, 77 + length, plain, 0, length, out, 0);
            assertThat(written).isEqualTo(out.length);

            byte[] nonce = new byte[12];
            System.arraycopy(salt, 0, nonce, 0, 4);
            System.arraycopy(out, 0, nonce, 4, 8);
            byte[] aad = new byte[13];
            System.arraycopy(out, 0, aad, 0, 8);
            aad[8] = 23;
            aad[9] = (byte) 0xFE;
            aad[10] = (byte) 0xFD;
            aad[11] = (byte) (length >>> 8);
            aad[12] = (byte) length;
            CCMModeCipher reference = CCMBlockCipher.newInstance(AESEngine.newInstance());
            reference.init(true, new AEADParameters(new KeyParameter(key), 64, nonce, aad));
            byte[] expected = new byte[length + 8];
            int n = reference.processBytes(plain, 0, length, expected, 0);
            reference.doFinal(expected, n);
            assertThat(Arrays.copyOfRange(out, 8, out.length)).as("length %d", length).isEqualTo(expected);

            RecordCipher reader = RecordCipher.ccm8(key, salt, false);
            assertThat(reader.decrypt(23, Wire.DTLS12, 1, 77 + length, out, 0, out.length)).isEqualTo(plain);
        }
    }

    @Test
    void givenTamperedWrongContextOrShortRecords_thenDecryptionFindsNothing() {
        for (RecordCipher[] pair : new RecordCipher[][] {
            {RecordCipher.ccm8(new byte[16], new byte[4], true), RecordCipher.ccm8(new byte[16], new byte[4], false)},
            {RecordCipher.gcm(new byte[16], new byte[4], true), RecordCipher.gcm(new byte[16], new byte[4], false)}}) {
            byte[] plain = bytes(40);
            byte[] out = new byte[40 + pair[0].overhead()];
            pair[0].encrypt(23, Wire.DTLS12, 1, 5, plain, 0, 40, out, 0);
            assertThat(pair[1].decrypt(23, Wire.DTLS12, 1, 5, out, 0, out.length)).isEqualTo(plain);

            for (int i = 0; i < out.length; i++) {
                byte[] tampered = out.clone();
                tampered[i] ^= 1;
                assertThat(pair[1].decrypt(23, Wire.DTLS12, 1, 5, tampered, 0, tampered.length)).isNull();
            }
            assertThat(pair[1].decrypt(23, Wire.DTLS12, 1, 6, out, 0, out.length)).as("other seq").isNull();
            assertThat(pair[1].decrypt(22, Wire.DTLS12, 1, 5, out, 0, out.length)).as("other type").isNull();
            assertThat(pair[1].decrypt(23, Wire.DTLS12, 1, 5, out, 0, pair[0].overhead() - 1)).as("short").isNull();
        }
    }
}
