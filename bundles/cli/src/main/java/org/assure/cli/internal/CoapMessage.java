package org.assure.cli.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.assure.core.model.Bytes;

/**
 * A CoAP message in the RFC 7252 §3 UDP encoding, as a bootstrap payload carries them (draft §15.5.4), read only
 * far enough to show it: header, token, options and the payload's length.
 *
 * @param type      CON, NON, ACK or RST
 * @param code      the code byte (class in the top three bits)
 * @param messageId the message id
 * @param token     0..8 bytes
 * @param options   in message order, with their absolute numbers
 * @param payload   what follows the 0xFF marker; empty if none
 */
record CoapMessage(String type, int code, int messageId, Bytes token, List<Option> options, Bytes payload) {
    /** One option with its absolute number (RFC 7252 §3.1 deltas already added up). */
    record Option(int number, Bytes value) {
    }

    static final int URI_PATH = 11;
    static final int CONTENT_FORMAT = 12;
    static final int URI_QUERY = 15;

    private static final String[] TYPES = {"CON", "NON", "ACK", "RST"};

    CoapMessage {
        options = List.copyOf(options);
    }

    /**
     * @throws IllegalArgumentException naming the rule of RFC 7252 §3 that {@code message} breaks
     */
    static CoapMessage parse(byte[] message) {
        if (message.length < 4) {
            throw new IllegalArgumentException("shorter than the 4-byte CoAP header");
        }
        int version = (message[0] & 0xC0) >>> 6;
        if (version != 1) {
            throw new IllegalArgumentException("CoAP version " + version + ", expected 1");
        }
        String type = TYPES[(message[0] & 0x30) >>> 4];
        int tokenLength = message[0] & 0x0F;
        if (tokenLength > 8) {
            throw new IllegalArgumentException("token length " + tokenLength + " is reserved");
        }
        int code = message[1] & 0xFF;
        int messageId = ((message[2] & 0xFF) << 8) | (message[3] & 0xFF);
        int at = 4;
        if (message.length < at + tokenLength) {
            throw new IllegalArgumentException("truncated token");
        }
        Bytes token = Bytes.of(java.util.Arrays.copyOfRange(message, at, at + tokenLength));
        at += tokenLength;
        List<Option> options = new ArrayList<>();
        int number = 0;
        while (at < message.length && (message[at] & 0xFF) != 0xFF) {
            int head = message[at++] & 0xFF;
            int[] delta = extended(head >>> 4, message, at);
            at = delta[1];
            int[] length = extended(head & 0x0F, message, at);
            at = length[1];
            if (at + length[0] > message.length) {
                throw new IllegalArgumentException("truncated option value");
            }
            number += delta[0];
            options.add(new Option(number, Bytes.of(java.util.Arrays.copyOfRange(message, at, at + length[0]))));
            at += length[0];
        }
        Bytes payload = Bytes.EMPTY;
        if (at < message.length) {
            at++;
            if (at == message.length) {
                throw new IllegalArgumentException("payload marker without payload");
            }
            payload = Bytes.of(java.util.Arrays.copyOfRange(message, at, message.length));
        }
        return new CoapMessage(type, code, messageId, token, options, payload);
    }

    /** RFC 7252 §3.1: 13 and 14 announce one or two extension bytes, 15 is reserved. Returns {value, next}. */
    private static int[] extended(int nibble, byte[] message, int at) {
        if (nibble < 13) {
            return new int[] {nibble, at};
        }
        if (nibble == 13) {
            require(message, at, 1);
            return new int[] {(message[at] & 0xFF) + 13, at + 1};
        }
        if (nibble == 14) {
            require(message, at, 2);
            return new int[] {(((message[at] & 0xFF) << 8) | (message[at + 1] & 0xFF)) + 269, at + 2};
        }
        throw new IllegalArgumentException("reserved option nibble 15");
    }

    private static void require(byte[] message, int at, int n) {
        if (at + n > message.length) {
            throw new IllegalArgumentException("truncated option header");
        }
    }

    /** {@code 0.03 PUT}, {@code 2.05 Content}: dotted class.detail and the name where RFC 7252 §12.1 gives one. */
    String codeText() {
        String dotted = (code >>> 5) + "." + String.format("%02d", code & 0x1F);
        String name = switch (code) {
            case 0 -> "Empty";
            case 1 -> "GET";
            case 2 -> "POST";
            case 3 -> "PUT";
            case 4 -> "DELETE";
            case 0x41 -> "Created";
            case 0x42 -> "Deleted";
            case 0x43 -> "Valid";
            case 0x44 -> "Changed";
            case 0x45 -> "Content";
            case 0x80 -> "Bad Request";
            case 0x81 -> "Unauthorized";
            case 0x83 -> "Forbidden";
            case 0x84 -> "Not Found";
            case 0x8D -> "Request Entity Too Large";
            case 0x8F -> "Unsupported Content-Format";
            case 0xA0 -> "Internal Server Error";
            case 0xA3 -> "Service Unavailable";
            default -> "";
        };
        return name.isEmpty() ? dotted : dotted + " (" + name + ")";
    }

    /** {@code /v1/keys/<uuid>} from the Uri-Path options; {@code /} without any. */
    String uriPath() {
        StringBuilder path = new StringBuilder();
        for (Option option : options) {
            if (option.number() == URI_PATH) {
                path.append('/').append(text(option.value()));
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** The Uri-Query options joined by {@code &}; empty without any. */
    String uriQuery() {
        List<String> parts = new ArrayList<>();
        for (Option option : options) {
            if (option.number() == URI_QUERY) {
                parts.add(text(option.value()));
            }
        }
        return String.join("&", parts);
    }

    /** An option value as UTF-8 text, or its hex in angle brackets if it is not valid UTF-8. */
    static String text(Bytes value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "<" + value.toHex() + ">";
        }
    }
}
