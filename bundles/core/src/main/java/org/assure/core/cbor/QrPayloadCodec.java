package org.assure.core.cbor;

import java.util.UUID;
import org.assure.core.model.QrPayload;
import org.assure.core.model.SecretBytes;

/**
 * The QR code payload, draft §6.2.5 and PROFILE §8: {@code [version, device uuid, case_id]}, version 1; 36
 * bytes for a 16-byte case id. The case id is secret: it is read straight into {@link SecretBytes}.
 */
public final class QrPayloadCodec {
    private static final int MIN_CASE_ID = 16;
    private static final int MAX_CASE_ID = 64;

    private QrPayloadCodec() {
    }

    public static byte[] encode(QrPayload payload) {
        return CborWriter.encode(w -> write(w, payload));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid version-1 QR payload
     */
    public static QrPayload decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        QrPayload payload = read(reader, "qr");
        reader.expectEnd();
        return payload;
    }

    public static void write(CborWriter w, QrPayload payload) {
        w.startArray(3).integer(payload.version()).uuid(payload.deviceId()).secretBytes(payload.caseId()).endArray();
    }

    public static QrPayload read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 3, 3);
        long version = r.readUnsigned("version", 0, Integer.MAX_VALUE);
        if (version != QrPayload.VERSION_1) {
            throw r.error("version", "unsupported version " + version);
        }
        UUID deviceId = r.readUuid("device_uuid");
        SecretBytes caseId = SecretBytes.wrap(r.readBytes("case_id", MIN_CASE_ID, MAX_CASE_ID));
        r.endArray();
        return new QrPayload(QrPayload.VERSION_1, deviceId, caseId);
    }
}
