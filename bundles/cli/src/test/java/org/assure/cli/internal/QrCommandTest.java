package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.detector.Detector;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCommandTest {
    private static final String DEVICE = "00112233-4455-6677-8899-aabbccddeeff";
    private static final String CASE = "000102030405060708090a0b0c0d0e0f";
    // [1, h'00112233445566778899aabbccddeeff', h'000102030405060708090a0b0c0d0e0f']: 83 01 50 <16> 50 <16>
    private static final String GOLDEN = "83015000112233445566778899aabbccddeeff50000102030405060708090a0b0c0d0e0f";

    @Test
    void given_a_device_and_case_when_run_then_the_golden_payload_hex() {
        CliRun.Result result = CliRun.run("qr", "--device", DEVICE, "--case", CASE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(GOLDEN + "\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void given_upper_case_hex_with_spaces_when_run_then_the_same_payload() {
        CliRun.Result result = CliRun.run("qr", "--device", DEVICE.toUpperCase(), "--case", "00010203 04050607 08090A0B 0C0D0E0F");

        assertThat(result.out()).isEqualTo(GOLDEN + "\n");
    }

    @Test
    void given_png_option_when_decoded_by_zxing_then_the_exact_36_bytes_in_a_version_5_h_symbol(@TempDir Path dir)
            throws Exception {
        Path png = dir.resolve("qr.png");

        CliRun.Result result = CliRun.run("qr", "--device", DEVICE, "--case", CASE, "--png", png.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(GOLDEN + "\n");
        BufferedImage image = ImageIO.read(png.toFile());
        // 37 modules + 2 x 4 quiet zone, 8 px each.
        assertThat(image.getWidth()).isEqualTo(360);
        assertThat(image.getHeight()).isEqualTo(360);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        @SuppressWarnings("unchecked")
        List<byte[]> segments = (List<byte[]>) decoded.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
        assertThat(segments).hasSize(1);
        assertThat(HexFormat.of().formatHex(segments.get(0))).isEqualTo(GOLDEN);
        assertThat(segments.get(0)).hasSize(36);
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("H");
        // ISO/IEC 18004 symbology identifier ]Q1: model 2 symbol, no ECI segment (]Q2 would mean ECI present).
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]Q1");
        DetectorResult detected = new Detector(bitmap.getBlackMatrix()).detect();
        assertThat(detected.getBits().getWidth()).as("modules per side of a version 5 symbol").isEqualTo(37);
    }

    @Test
    void given_a_case_id_below_128_bits_when_run_then_exit_2_without_printing_it() {
        CliRun.Result result = CliRun.run("qr", "--device", DEVICE, "--case", "0badc0de");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: case id must be 16..64 bytes");
    }

    @Test
    void given_a_case_that_is_not_hex_when_run_then_exit_2_without_echoing_it() {
        CliRun.Result result = CliRun.run("qr", "--device", DEVICE, "--case", "s3cr3t-case-id-s3cr3t-case-id-xx");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("s3cr3t");
        assertThat(result.errLines()).singleElement().asString().startsWith("error: --case is not hex");
    }

    @Test
    void given_an_unwritable_png_path_when_run_then_exit_2_and_nothing_on_stdout(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("missing-dir").resolve("qr.png");

        CliRun.Result result = CliRun.run("qr", "--device", DEVICE, "--case", CASE, "--png", png.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("error: cannot write ");
        assertThat(Files.exists(png)).isFalse();
    }
}
