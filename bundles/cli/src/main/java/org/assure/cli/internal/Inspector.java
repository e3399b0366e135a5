package org.assure.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.BootstrapImageCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.CborReader;
import org.assure.core.cbor.CborType;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.cbor.OwnerInformationCodec;
import org.assure.core.cbor.SignatureCodec;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;

/**
 * Recognises which structure of the draft an input is and renders it. Candidates are tried from the most to the
 * least specific; each has a cheap plausibility test on the input's outline ({@link CborSketch}) that decides
 * which decoder's complaint is reported when nothing decodes, so that a damaged bootstrap image is reported as
 * a damaged bootstrap image and not as "not a QR payload".
 */
final class Inspector {
    /** Decodes and renders, or fails with the decoder's reason. */
    @FunctionalInterface
    interface Decoder {
        Tree render(byte[] data) throws CborDecodeException;
    }

    /** One structure the inspector knows. */
    record Candidate(String name, Predicate<CborSketch> plausible, Decoder decoder) {
    }

    private static List<Candidate> candidates(Inspector nested) {
        return List.of(
                new Candidate("bootstrap image",
                        s -> s.isArray(5) && s.itemIs(0, CborType.ARRAY) && s.itemIs(1, CborType.ARRAY),
                        data -> KeyRenderer.bootstrapImage(BootstrapImageCodec.decode(data))),
                new Candidate("authenticated key",
                        s -> s.type() == CborType.ARRAY && s.itemIsInteger(0, 0) && s.length() == 5,
                        data -> KeyRenderer.authenticatedKey(AuthenticatedKeyCodec.decode(data))),
                new Candidate("key definition",
                        s -> s.type() == CborType.ARRAY && s.itemIsInteger(0, 1) && s.itemIs(1, CborType.UNSIGNED),
                        data -> KeyRenderer.keyDefinition(KeyDefinitionCodec.decode(data))),
                new Candidate("signature",
                        s -> s.type() == CborType.ARRAY && s.itemIsInteger(0, 4),
                        data -> KeyRenderer.signature(SignatureCodec.decode(data))),
                new Candidate("owner information",
                        s -> s.type() == CborType.ARRAY && s.itemIsInteger(0, 5),
                        data -> KeyRenderer.ownerInformation(OwnerInformationCodec.decode(data))),
                new Candidate("authenticated key list",
                        s -> s.type() == CborType.ARRAY && s.length() > 0 && s.allItemsAre(CborType.ARRAY)
                                && s.items().stream().allMatch(item -> item.firstType() == CborType.UNSIGNED && item.firstValue() == 0),
                        data -> KeyRenderer.keyList(decodeKeyList(data))));
    }

    private final List<Candidate> candidates;

    Inspector() {
        this.candidates = candidates(this);
    }

    /**
     * The rendered tree of {@code data}.
     *
     * @throws CliException naming the reason of the most plausible decoder when no decoder accepts the input
     */
    String inspect(byte[] data) {
        return tree(data).render();
    }

    /** The tree of {@code data} if it is a structure this inspector knows; for payloads inside structures. */
    Optional<Tree> tryTree(byte[] data) {
        try {
            return Optional.of(tree(data));
        } catch (CliException e) {
            return Optional.empty();
        }
    }

    private Tree tree(byte[] data) {
        if (data.length == 0) {
            throw new CliException("empty input");
        }
        // A DER CMS envelope (an encrypted_secret or encrypted_payload saved on its own) is not CBOR.
        if (EncryptedPayloads.envelope(data) != null) {
            return EncryptedPayloads.describe(Bytes.of(data));
        }
        CborSketch sketch = CborSketch.of(data);
        if (sketch == null) {
            throw new CliException("not CBOR: " + firstHeadProblem(data));
        }
        List<Candidate> plausible = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.plausible().test(sketch)) {
                plausible.add(candidate);
            }
        }
        CborDecodeException firstFailure = null;
        for (Candidate candidate : plausible) {
            try {
                return candidate.decoder().render(data);
            } catch (CborDecodeException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        if (firstFailure != null) {
            throw new CliException("invalid " + plausible.get(0).name() + ": " + firstFailure.getMessage());
        }
        throw new CliException("not a known aSSURE structure (" + describe(sketch) + ")");
    }

    private static List<AuthenticatedKey> decodeKeyList(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        int n = reader.readArrayStart("keys", 1, 1024);
        List<AuthenticatedKey> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(AuthenticatedKeyCodec.read(reader, "[" + i + "]"));
        }
        reader.endArray();
        reader.expectEnd();
        return keys;
    }

    private static String firstHeadProblem(byte[] data) {
        try {
            CborReader.of(data).skipItem("");
            return "unreadable data item";
        } catch (CborDecodeException e) {
            return e.getMessage();
        }
    }

    /** A short neutral description of the outline, for "not a known structure" messages. */
    static String describe(CborSketch sketch) {
        String what = switch (sketch.type()) {
            case ARRAY -> "a CBOR array of " + KeyRenderer.count((int) sketch.length());
            case MAP -> "a CBOR map";
            case BYTES -> "a CBOR byte string of " + sketch.length() + " bytes";
            case TEXT -> "a CBOR text string";
            case UNSIGNED, NEGATIVE -> "a CBOR integer";
            case BOOLEAN -> "a CBOR boolean";
            case NULL -> "CBOR null";
        };
        return sketch.next() == null ? what : what + " followed by more items";
    }
}
