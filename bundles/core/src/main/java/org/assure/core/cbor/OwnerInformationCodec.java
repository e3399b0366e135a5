package org.assure.core.cbor;

import org.assure.core.model.ContentType;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.SignatureDefinition;

/** Owner information, draft §15.5: {@code [5, owner_sequence_number, signature]}. */
public final class OwnerInformationCodec {
    /** Highest owner sequence accepted (2^53 - 1, exact in every JSON and CBOR consumer). */
    public static final long MAX_SEQUENCE = OwnerInformation.MAX_SEQUENCE;

    private OwnerInformationCodec() {
    }

    public static byte[] encode(OwnerInformation owner) {
        return CborWriter.encode(w -> write(w, owner));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid owner information
     */
    public static OwnerInformation decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        OwnerInformation owner = read(reader, "owner_information");
        reader.expectEnd();
        return owner;
    }

    public static void write(CborWriter w, OwnerInformation owner) {
        w.startArray(3).integer(ContentType.OWNER.code()).integer(owner.sequence());
        SignatureCodec.write(w, owner.signature());
        w.endArray();
    }

    public static OwnerInformation read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 3, 3);
        Codecs.expectContent(r, ContentType.OWNER);
        long sequence = r.readUnsigned("owner_sequence_number", 0, MAX_SEQUENCE);
        SignatureDefinition signature = SignatureCodec.read(r, "signature");
        r.endArray();
        return new OwnerInformation(sequence, signature);
    }
}
