package org.assure.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assure.core.cbor.AddressCodec;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.BootstrapImageCodec;
import org.assure.core.cbor.BootstrapPayloadCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.CborReader;
import org.assure.core.cbor.CborType;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.ChannelFrameCodec;
import org.assure.core.cbor.ChannelInfoCodec;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.cbor.GatewayChannelGrantCodec;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.cbor.KeyListCodec;
import org.assure.core.cbor.OwnerInformationCodec;
import org.assure.core.cbor.PskHintCodec;
import org.assure.core.cbor.QrPayloadCodec;
import org.assure.core.cbor.SharedSecretPayloadCodec;
import org.assure.core.cbor.SignatureCodec;
import org.assure.core.cbor.TimestampCodec;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelFrame;

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

    /** Base64 text (RFC 4648 §4) as PSK identity hints carry it (draft §8.4), possibly ending in a newline. */
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/]{4,}={0,2}\\s*");

    private final List<Candidate> candidates = List.of(
            new Candidate("bootstrap image",
                    s -> s.isArray(5) && s.itemIs(0, CborType.ARRAY) && s.itemIs(1, CborType.ARRAY),
                    data -> KeyRenderer.bootstrapImage(BootstrapImageCodec.decode(data))),
            new Candidate("authenticated key",
                    s -> s.type() == CborType.ARRAY && s.length() == 5 && s.itemIsInteger(0, 0),
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
            new Candidate("key list",
                    s -> s.type() == CborType.ARRAY && s.length() > 0 && s.allItemsAre(CborType.ARRAY)
                            && s.items().stream().allMatch(item -> item.firstType() == CborType.UNSIGNED && item.firstValue() == 0),
                    data -> KeyRenderer.keyList(KeyListCodec.decode(data))),
            new Candidate("channel information",
                    s -> s.isArray(2) && s.itemIs(0, CborType.ARRAY) && s.itemIs(1, CborType.ARRAY)
                            && s.item(0).firstType() == CborType.BYTES,
                    data -> ChannelRenderer.channelInfo(ChannelInfoCodec.decode(data))),
            new Candidate("channel list",
                    s -> s.type() == CborType.ARRAY && s.length() > 0 && s.allItemsAre(CborType.ARRAY)
                            && s.items().stream().allMatch(item -> item.length() == 2 && item.firstType() == CborType.ARRAY),
                    data -> ChannelRenderer.channelList(ChannelInfoCodec.decodeList(data))),
            new Candidate("channel configuration",
                    s -> s.isArray(4) && s.itemIs(0, CborType.BYTES) && s.itemIs(1, CborType.BYTES) && s.itemIs(2, CborType.ARRAY),
                    data -> ChannelRenderer.channelConfiguration(ChannelConfigurationCodec.decode(data))),
            new Candidate("device information",
                    s -> s.isArray(9) && s.itemIs(0, CborType.BYTES),
                    data -> ChannelRenderer.deviceInfo(DeviceInfoCodec.decode(data))),
            new Candidate("QR payload",
                    s -> s.isArray(3) && s.itemIs(0, CborType.UNSIGNED) && s.itemIs(1, CborType.BYTES) && s.itemIs(2, CborType.BYTES),
                    data -> PayloadRenderer.qrPayload(QrPayloadCodec.decode(data))),
            new Candidate("shared-secret payload",
                    s -> s.isArray(7) && s.itemIs(0, CborType.BYTES) && s.itemIs(1, CborType.UNSIGNED),
                    data -> PayloadRenderer.sharedSecretPayload(SharedSecretPayloadCodec.decode(data))),
            new Candidate("bootstrap payload",
                    s -> s.type() == CborType.ARRAY && s.allItemsAre(CborType.BYTES),
                    data -> PayloadRenderer.bootstrapPayload(BootstrapPayloadCodec.decode(data), this)),
            new Candidate("PSK identity hint",
                    s -> s.type() == CborType.ARRAY && s.length() > 0 && s.allItemsAre(CborType.ARRAY)
                            && s.items().stream().allMatch(item -> item.firstType() == CborType.UNSIGNED && item.firstValue() == 1),
                    data -> KeyRenderer.pskHint(PskHintCodec.decode(data), "")),
            new Candidate("address",
                    s -> s.type() == CborType.ARRAY && s.length() >= 2 && s.length() <= 4 && s.itemIs(0, CborType.UNSIGNED)
                            && s.item(0).value() <= 2,
                    data -> ChannelRenderer.address(AddressCodec.decode(data))),
            new Candidate("precision timestamp",
                    s -> s.isArray(2) && s.itemIs(0, CborType.UNSIGNED) && s.itemIs(1, CborType.UNSIGNED),
                    data -> PayloadRenderer.precisionTimestamp(TimestampCodec.decodePrecision(data))),
            new Candidate("secure channel message",
                    s -> s.type() == CborType.UNSIGNED && s.next() == CborType.BYTES,
                    Inspector::dtlsChannelFrame),
            new Candidate("gateway channel grant",
                    s -> s.type() == CborType.UNSIGNED && s.next() == CborType.BYTES,
                    data -> ChannelRenderer.gatewayChannelGrant(GatewayChannelGrantCodec.decode(data))),
            new Candidate("secure channel message",
                    s -> s.type() == CborType.UNSIGNED && s.next() == CborType.BYTES,
                    data -> ChannelRenderer.channelFrame(ChannelFrameCodec.decode(data))),
            new Candidate("PSK identity hint",
                    s -> s.type() == CborType.BYTES && s.length() == 16,
                    data -> KeyRenderer.pskHint(PskHintCodec.decode(data), "")),
            new Candidate("integer",
                    s -> s.type() == CborType.UNSIGNED,
                    data -> PayloadRenderer.integer(TimestampCodec.decodeSimple(data).seconds())));

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
        if (JsonDocuments.looksLikeJson(data)) {
            return JsonDocuments.render(data);
        }
        Optional<Tree> hint = base64PskHint(data);
        if (hint.isPresent()) {
            return hint.get();
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

    /** The PSK identity hint as it travels in the handshake: base64 text of its CBOR (draft §8.4, PROFILE §6). */
    private static Optional<Tree> base64PskHint(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (!BASE64_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyRenderer.pskHint(PskHintCodec.fromText(text.strip()), ", base64 text"));
        } catch (CborDecodeException e) {
            return Optional.empty();
        }
    }

    /** A channel frame whose data starts like a DTLS record: content type 20..25, version 254.x (RFC 6347 §4.1). */
    private static Tree dtlsChannelFrame(byte[] data) throws CborDecodeException {
        ChannelFrame frame = ChannelFrameCodec.decode(data);
        byte[] dtls = frame.dtlsData().toByteArray();
        if (dtls.length < 13 || dtls[0] < 20 || dtls[0] > 25 || (dtls[1] & 0xFF) != 0xFE) {
            throw new CborDecodeException("dtls_data", "does not start with a DTLS record header");
        }
        return ChannelRenderer.channelFrame(frame);
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
