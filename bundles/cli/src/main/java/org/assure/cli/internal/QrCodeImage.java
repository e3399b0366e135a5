package org.assure.cli.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The QR code of draft §6.2.5 / PROFILE §8: version 5, error correction H, the CBOR payload as one byte-mode
 * segment, drawn as a black-on-white PNG with the standard quiet zone.
 */
final class QrCodeImage {
    /** Version 5 (37 x 37 modules) holds up to 44 bytes at level H: the 36-byte payload with room. */
    static final int VERSION = 5;
    /** The quiet zone ISO/IEC 18004 asks for, in modules. */
    static final int QUIET_ZONE = 4;
    /** Pixels per module: 45 modules become 360 px, about 3 cm at 300 dpi. */
    static final int SCALE = 8;

    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;

    private QrCodeImage() {
    }

    /**
     * Encodes {@code payload}. zxing takes text: each byte becomes the ISO-8859-1 character of the same value,
     * which is byte mode's default character set, so the bytes are written unchanged. No character set hint is
     * passed, because with one zxing adds an ECI segment that plain scanners show as data.
     *
     * @throws CliException if the payload does not fit a version 5-H symbol
     */
    static QRCode encode(byte[] payload) {
        String latin1 = new String(payload, StandardCharsets.ISO_8859_1);
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.QR_VERSION, VERSION);
        try {
            return Encoder.encode(latin1, ErrorCorrectionLevel.H, hints);
        } catch (WriterException e) {
            throw new CliException("payload does not fit a version " + VERSION + "-H QR code");
        }
    }

    /** Draws the symbol with its quiet zone, {@link #SCALE} pixels per module. */
    static BufferedImage draw(QRCode code) {
        ByteMatrix matrix = code.getMatrix();
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        int size = modules * SCALE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x / SCALE - QUIET_ZONE;
                int my = y / SCALE - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my) == 1;
                image.setRGB(x, y, dark ? BLACK : WHITE);
            }
        }
        return image;
    }

    static void writePng(byte[] payload, OutputStream out) throws IOException {
        if (!ImageIO.write(draw(encode(payload)), "png", out)) {
            throw new IOException("no PNG writer");
        }
    }
}
