package org.assure.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assure.core.cbor.QrPayloadCodec;
import org.assure.core.model.QrPayload;
import org.assure.core.model.SecretBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assure qr --device UUID --case HEX [--png FILE]}: the QR payload of draft §6.2.5 and its QR code. */
@Command(name = "qr",
        description = {"Print the QR payload [1, device uuid, case id] in hex (draft §6.2.5, PROFILE §8).",
                "With --png also write it as a QR code: version 5, error correction H, byte mode, 8 px per module."})
final class QrCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--device", required = true, paramLabel = "UUID", description = "The device UUID.")
    private UUID device;

    @Option(names = "--case", required = true, paramLabel = "HEX", description = "The case id, 16 to 64 bytes in hex.")
    private String caseHex;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the QR code as PNG to FILE.")
    private Path png;

    @Override
    public Integer call() {
        byte[] caseId = Hex.parse(caseHex, "--case");
        try {
            QrPayload payload = qrPayload(device, caseId);
            byte[] encoded = QrPayloadCodec.encode(payload);
            try {
                if (png != null) {
                    writePng(encoded);
                }
                spec.commandLine().getOut().println(Hex.format(encoded));
                spec.commandLine().getOut().flush();
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
        } finally {
            Arrays.fill(caseId, (byte) 0);
        }
        return AssureMain.EXIT_OK;
    }

    private static QrPayload qrPayload(UUID device, byte[] caseId) {
        try {
            return QrPayload.of(device, SecretBytes.of(caseId));
        } catch (IllegalArgumentException e) {
            // The model's messages name the rule ("case id must be 16..64 bytes"), never the value.
            throw new CliException(e.getMessage());
        }
    }

    private void writePng(byte[] encoded) {
        try (OutputStream out = Files.newOutputStream(png)) {
            QrCodeImage.writePng(encoded, out);
        } catch (IOException e) {
            throw new CliException("cannot write " + png + ": " + Inputs.reason(e));
        }
    }
}
