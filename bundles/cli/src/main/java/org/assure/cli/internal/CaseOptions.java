package org.assure.cli.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.assure.core.model.QrPayload;
import org.assure.core.model.SecretBytes;
import picocli.CommandLine.Option;

/**
 * Which device, proven by its case id (draft §6.2.4): a picture of the QR code on the case, or the UUID and case
 * id typed in. The case string sent to the authority is the case id in lower-case hex (PROFILE-ADDITIONS).
 */
final class CaseOptions {
    @Option(names = "--qr", paramLabel = "PNG", description = "Picture of the device's QR code [1, uuid, case id].")
    private Path qr;

    @Option(names = "--uuid", paramLabel = "UUID", description = "The device UUID (with --case, instead of --qr).")
    private UUID uuid;

    @Option(names = "--case", paramLabel = "HEX", description = "The case id in hex, 16..64 bytes (with --uuid).")
    private String caseHex;

    /** A device and its case string. */
    record DeviceCase(UUID device, String caseString) {
        @Override
        public String toString() {
            return "DeviceCase[" + device + "]";
        }
    }

    DeviceCase resolve() {
        if (qr != null) {
            if (uuid != null || caseHex != null) {
                throw new CliException("give either --qr or --uuid with --case, not both");
            }
            QrPayload payload = QrImageReader.read(qr);
            byte[] caseId = payload.caseId().toByteArray();
            try {
                return new DeviceCase(payload.deviceId(), HexFormat.of().formatHex(caseId));
            } finally {
                Arrays.fill(caseId, (byte) 0);
            }
        }
        if (uuid == null || caseHex == null) {
            throw new CliException("give --qr PNG, or --uuid UUID with --case HEX");
        }
        byte[] caseId = Hex.parse(caseHex, "--case");
        try {
            QrPayload.of(uuid, SecretBytes.of(caseId));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        try {
            return new DeviceCase(uuid, HexFormat.of().formatHex(caseId));
        } finally {
            Arrays.fill(caseId, (byte) 0);
        }
    }
}
