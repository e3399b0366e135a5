package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.model.GenerateKeyType;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.junit.jupiter.api.Test;

/** Peer raw keys as they come off the wire (SubjectPublicKeyInfo), and own keys' derived forms. */
class SignaturesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] HASH = new byte[32];

    @Test
    void givenAP256KeyInItsUsualDer_whenRead_thenItVerifiesWhatItsPrivateKeySigned() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        byte[] spki = pair.getPublic().getEncoded();
        assertThat(spki).hasSize(91);

        Object key = Signatures.publicKey(spki);

        assertThat(key).isInstanceOf(EcP256.Point.class);
        byte[] signature = Signatures.sign(pair.getPrivate(), Signatures.ECDSA_SECP256R1_SHA256, HASH);
        assertThat(Signatures.verify(key, Signatures.ECDSA_SECP256R1_SHA256, HASH, signature)).isTrue();
        assertThat(Signatures.algorithmFor(pair.getPublic())).isEqualTo(Signatures.ECDSA_SECP256R1_SHA256);
    }

    @Test
    void givenTheUsualPrefixWithAPointOffTheCurve_whenRead_thenRefused() {
        byte[] spki = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM).getPublic().getEncoded();
        spki[spki.length - 1] ^= 1;

        assertThat(Signatures.publicKey(spki)).isNull();
    }

    @Test
    void givenAKeyOtherThanP256OrRsa2048_whenRead_thenRefused() {
        byte[] rsa = KeyGeneration.generate(GenerateKeyType.RSA_2048, RANDOM).getPublic().getEncoded();
        assertThat(Signatures.publicKey(rsa)).isInstanceOf(RSAKeyParameters.class);

        // The same P-256 key with its point compressed: valid DER (the ASN.1 path), not the uncompressed point.
        byte[] p256 = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM).getPublic().getEncoded();
        byte[] compressed = java.util.HexFormat.of()
                .parseHex("3039301306072a8648ce3d020106082a8648ce3d030107032200" + ((p256[90] & 1) == 0 ? "02" : "03")
                        + java.util.HexFormat.of().formatHex(p256, 27, 59));
        assertThat(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(compressed).getPublicKeyData()
                .getOctets()).hasSize(33);
        assertThat(Signatures.publicKey(compressed)).isNull();
    }

    @Test
    void givenTruncatedOversizedOrRandomBytes_whenRead_thenRefusedWithoutAnException() {
        byte[] spki = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM).getPublic().getEncoded();
        for (int length = 0; length < spki.length; length++) {
            assertThat(Signatures.publicKey(Arrays.copyOf(spki, length))).as("truncated to %d", length).isNull();
        }
        assertThat(Signatures.publicKey(Arrays.copyOf(spki, spki.length + 1))).isNull();
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(120)];
            random.nextBytes(garbage);
            if (garbage.length > 0 && random.nextBoolean()) {
                garbage[0] = 0x30;
            }
            assertThat(Signatures.publicKey(garbage)).isNull();
        }
    }

    @Test
    void givenAnOwnKeyOfTheWrongKind_whenUsedToSign_thenRefusedEachTimeNotCachedAsGood() {
        KeyPair rsa = KeyGeneration.generate(GenerateKeyType.RSA_2048, RANDOM);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> EcP256.privateKey(rsa.getPrivate())).isInstanceOf(IOException.class)
                    .hasMessageContaining("not a P-256 private key");
        }
    }

    @Test
    void givenTheSameOwnKeyObject_whenAskedAgain_thenTheCachedScalarIsACopy() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        byte[] first = EcP256.privateKey(pair.getPrivate());
        Arrays.fill(first, (byte) 0);

        byte[] second = EcP256.privateKey(pair.getPrivate());

        assertThat(second).isNotEqualTo(new byte[32]);
    }
}
