package org.assure.cli.internal;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.QrPayloadCodec;
import org.assure.core.model.QrPayload;

/** Reads the aSSURE QR payload {@code [1, device uuid, case id]} (draft §6.2.5) back from a picture of the code. */
final class QrImageReader {
    private QrImageReader() {
    }

    /**
     * zxing's finder-pattern search misses a small fraction of perfectly rendered codes (about 1 in 300 of ours),
     * so a clean render is read as a pure barcode first, then as a photo with each binarizer.
     */
    private static Result decode(Path file, BufferedImage image) {
        LuminanceSource source = luminance(image);
        List<BinaryBitmap> attempts = List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        List<Map<DecodeHintType, Object>> hints = List.of(Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        boolean damaged = false;
        for (Map<DecodeHintType, Object> hint : hints) {
            for (BinaryBitmap bitmap : attempts) {
                try {
                    return new QRCodeReader().decode(bitmap, hint);
                } catch (NotFoundException e) {
                    // try the next way of finding the code
                } catch (ChecksumException | FormatException e) {
                    damaged = true;
                }
            }
        }
        throw new CliException(file + (damaged ? ": the QR code is damaged and cannot be read" : ": no QR code found"));
    }

    static QrPayload read(Path file) {
        byte[] bytes = Inputs.read(file.toString(), java.io.InputStream.nullInputStream());
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw new CliException(file + ": not a readable image (PNG, JPEG, GIF or BMP)");
        }
        Result result = decode(file, image);
        byte[] payload = payload(result);
        try {
            return QrPayloadCodec.decode(payload);
        } catch (CborDecodeException e) {
            throw new CliException(file + ": the QR code does not hold an aSSURE payload [1, device uuid, case id]");
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** The raw bytes of the byte-mode segment; the text is only their ISO-8859-1 rendering. */
    private static byte[] payload(Result result) {
        Object segments = result.getResultMetadata() == null ? null
                : result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
        if (segments instanceof List<?> list && list.size() == 1 && list.get(0) instanceof byte[] bytes) {
            return bytes.clone();
        }
        return result.getText().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Grey levels of the picture, transparent pixels as white (zxing's javase module is not a bundle). */
    private static LuminanceSource luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int level = alpha == 0 ? 0xFF
                        : (306 * ((argb >> 16) & 0xFF) + 601 * ((argb >> 8) & 0xFF) + 117 * (argb & 0xFF) + 512) >> 10;
                grey[y * width + x] = (byte) level;
            }
        }
        return new LuminanceSource(width, height) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row != null && row.length >= width ? row : new byte[width];
                System.arraycopy(grey, y * width, out, 0, width);
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return grey;
            }
        };
    }
}
