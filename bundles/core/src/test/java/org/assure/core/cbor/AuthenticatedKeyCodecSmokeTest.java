package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.EcSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;
import org.junit.jupiter.api.Test;

class AuthenticatedKeyCodecSmokeTest {
    private static final UUID A = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    private static final UUID B = UUID.fromString("ffeeddcc-bbaa-9988-7766-554433221100");

    static AuthenticatedKey sample() {
        return new AuthenticatedKey(IdentityClass.CHANNEL,
                new EcKey(A, Bytes.fromHex("3059301306072a8648ce3d020106082a8648ce3d03010703420004"), SecretBytes.of(new byte[] {1, 2, 3})),
                KeyMetadata.ownedBy(B),
                new EcSignature(SignatureFormat.ECDSA_SHA256, new SimpleTimestamp(10), new SimpleTimestamp(1000), B,
                        Bytes.of(new byte[32]), Bytes.of(new byte[32])));
    }

    @Test
    void given_an_authenticated_key_when_round_tripped_then_equal() throws Exception {
        byte[] encoded = AuthenticatedKeyCodec.encode(sample());
        assertThat(AuthenticatedKeyCodec.decode(encoded)).isEqualTo(sample());
        assertThat(AuthenticatedKeyCodec.encode(AuthenticatedKeyCodec.decode(encoded))).isEqualTo(encoded);
    }

    @Test
    void given_any_truncation_when_decoded_then_a_decode_exception() {
        byte[] encoded = AuthenticatedKeyCodec.encode(sample());
        for (int n = 0; n < encoded.length; n++) {
            byte[] cut = Arrays.copyOf(encoded, n);
            assertThatThrownBy(() -> AuthenticatedKeyCodec.decode(cut)).isInstanceOf(CborDecodeException.class);
        }
    }

    @Test
    void given_trailing_bytes_when_decoded_then_rejected() {
        byte[] encoded = AuthenticatedKeyCodec.encode(sample());
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> AuthenticatedKeyCodec.decode(longer)).isInstanceOf(CborDecodeException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void given_a_derived_secret_when_round_tripped_then_equal() throws Exception {
        DerivedSecretKey key = new DerivedSecretKey(A, List.of(new Derivation(B, Bytes.of(new byte[] {5}), 4096, Bytes.of(new byte[16]))));
        assertThat(KeyDefinitionCodec.decode(KeyDefinitionCodec.encode(key))).isEqualTo(key);
    }

    @Test
    void given_every_single_byte_flip_when_decoded_then_only_decode_exceptions_or_values() {
        byte[] encoded = AuthenticatedKeyCodec.encode(sample());
        for (int i = 0; i < encoded.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = encoded.clone();
                flipped[i] ^= (byte) (1 << bit);
                try {
                    AuthenticatedKeyCodec.decode(flipped);
                } catch (CborDecodeException expected) {
                    // fine: a clear decode failure
                }
            }
        }
    }

    @Test
    void given_an_indefinite_array_when_decoded_then_rejected() {
        assertThatThrownBy(() -> KeyDefinitionCodec.decode(new byte[] {(byte) 0x9f, 1, (byte) 0xff}))
                .isInstanceOf(CborDecodeException.class).hasMessageContaining("indefinite");
    }

    @Test
    void given_a_non_shortest_integer_when_decoded_then_rejected() {
        assertThatThrownBy(() -> KeyDefinitionCodec.decode(new byte[] {(byte) 0x85, 0x18, 1}))
                .isInstanceOf(CborDecodeException.class).hasMessageContaining("shortest");
    }
}
