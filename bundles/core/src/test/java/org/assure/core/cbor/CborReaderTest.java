package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.EcSignature;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.testing.CborTree;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;

/** Paths in messages and the reader features the codecs lean on. */
class CborReaderTest {
    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void given_a_bad_field_deep_in_a_bootstrap_image_then_the_message_names_its_full_path() {
        BootstrapImage image = Samples.bootstrapImage();
        BootstrapImage bad = new BootstrapImage(List.of(image.keys().get(0).withSignature(new EcSignature(
                SignatureFormat.ECDSA_SHA256, SimpleTimestamp.NONE, SimpleTimestamp.NONE, Samples.KEY_B,
                Samples.bytes(67, 1), Samples.bytes(67, 1)))), image.owner(), image.decryptionKeyId(),
                image.encryptedPayload(), image.signature());

        assertThatThrownBy(() -> BootstrapImageCodec.decode(BootstrapImageCodec.encode(bad)))
                .isExactlyInstanceOf(CborDecodeException.class)
                .hasMessage("bootstrap_image.keys[0].signature.r: byte string longer than 66 bytes")
                .extracting(e -> ((CborDecodeException) e).path())
                .isEqualTo("bootstrap_image.keys[0].signature.r");
    }

    @Test
    void given_a_wrong_item_count_then_the_array_is_named_once() {
        assertThatThrownBy(() -> QrPayloadCodec.decode(hex("820100"))).isExactlyInstanceOf(CborDecodeException.class)
                .hasMessage("qr: expected 3 items, got 2");
    }

    @Test
    void given_arrays_then_the_first_item_type_is_seen_without_consuming() throws Exception {
        CborReader keyDefinition = CborReader.of(hex("8101"));
        CborReader chain = CborReader.of(hex("818101"));

        assertThat(keyDefinition.peekFirstItemType("x")).isEqualTo(CborType.UNSIGNED);
        assertThat(keyDefinition.readArrayStart("x", 1, 1)).isEqualTo(1);
        assertThat(keyDefinition.readUnsigned("y", 0, 1)).isEqualTo(1);
        assertThat(chain.peekFirstItemType("x")).isEqualTo(CborType.ARRAY);
        assertThatThrownBy(() -> CborReader.of(hex("80")).peekFirstItemType("x")).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> CborReader.of(hex("01")).peekFirstItemType("x")).hasMessageContaining("expected an array");
        assertThatThrownBy(() -> CborReader.of(hex("81")).peekFirstItemType("x")).isExactlyInstanceOf(
                CborDecodeException.class);
        assertThatThrownBy(() -> CborReader.of(hex("81c0")).peekFirstItemType("x")).hasMessageContaining("tags");
    }

    @Test
    void given_a_sequence_then_at_end_tells_when_it_is_consumed() throws Exception {
        CborReader reader = CborReader.of(hex("0102"));

        assertThat(reader.atEnd()).isFalse();
        reader.readUnsigned("a", 0, 9);
        assertThat(reader.atEnd()).isFalse();
        reader.readUnsigned("b", 0, 9);
        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void given_nesting_of_17_when_skipped_then_rejected_and_16_accepted() throws Exception {
        CborTree.Item sixteen = CborTree.Int.of(0);
        for (int i = 0; i < 16; i++) {
            sixteen = new CborTree.Array(List.of(sixteen));
        }
        CborReader ok = CborReader.of(CborTree.write(sixteen));
        ok.skipItem("x");
        ok.expectEnd();

        byte[] seventeen = CborTree.write(new CborTree.Array(List.of(sixteen)));
        assertThatThrownBy(() -> CborReader.of(seventeen).skipItem("x")).isExactlyInstanceOf(CborDecodeException.class)
                .hasMessageContaining("nesting deeper than 16");
    }

    @Test
    void given_an_input_over_4_mib_then_rejected_before_parsing() {
        assertThatThrownBy(() -> CborReader.of(new byte[CborReader.MAX_INPUT + 1]))
                .isExactlyInstanceOf(CborDecodeException.class).hasMessageContaining("input larger than");
    }
}
