package org.assure.cli.internal;

import java.util.List;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.QrPayload;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.model.SimpleTimestamp;

/** Trees for payloads and small values: bootstrap payloads and their CoAP messages, QR payload, timestamps. */
final class PayloadRenderer {
    private PayloadRenderer() {
    }

    /**
     * The decrypted bootstrap payload (draft §15.5.4). Each CoAP message is shown by method, path and query, and
     * its payload by length and, when it is itself a structure of the draft, as that structure (with secrets
     * hidden as everywhere else).
     */
    static Tree bootstrapPayload(BootstrapPayload payload, Inspector nested) {
        Tree tree = Tree.root("bootstrap payload (draft §15.5.4)");
        List<Bytes> messages = payload.coapMessages();
        Tree list = tree.node("coap_messages", KeyRenderer.count(messages.size()));
        for (int i = 0; i < messages.size(); i++) {
            list.attach("[" + i + "]", coapMessage(messages.get(i), nested));
        }
        return tree;
    }

    static Tree coapMessage(Bytes encoded, Inspector nested) {
        CoapMessage message;
        try {
            message = CoapMessage.parse(encoded.toByteArray());
        } catch (IllegalArgumentException e) {
            return Tree.root("not a CoAP message (" + e.getMessage() + "), " + encoded.length() + " bytes");
        }
        Tree tree = Tree.root("CoAP message (RFC 7252), " + encoded.length() + " bytes");
        tree.field("type", message.type());
        tree.field("code", message.codeText());
        tree.field("message_id", message.messageId());
        tree.field("token", Values.bytes(message.token()));
        tree.field("uri_path", message.uriPath());
        String query = message.uriQuery();
        if (!query.isEmpty()) {
            tree.field("uri_query", query);
        }
        for (CoapMessage.Option option : message.options()) {
            if (option.number() == CoapMessage.CONTENT_FORMAT) {
                long format = unsigned(option.value());
                tree.field("content_format", format == 60 ? "60 (application/cbor)" : Long.toString(format));
            } else if (option.number() != CoapMessage.URI_PATH && option.number() != CoapMessage.URI_QUERY) {
                tree.field("option " + option.number(), Values.bytes(option.value()));
            }
        }
        if (message.payload().isEmpty()) {
            tree.field("payload", "(none)");
        } else {
            String length = message.payload().length() + " bytes";
            nested.tryTree(message.payload().toByteArray()).ifPresentOrElse(
                    structure -> tree.attach("payload", Tree.root(length).attach(structure)),
                    () -> tree.field("payload", length));
        }
        return tree;
    }

    private static long unsigned(Bytes value) {
        long result = 0;
        for (byte b : value.toByteArray()) {
            result = (result << 8) | (b & 0xFF);
        }
        return result;
    }

    static Tree sharedSecretPayload(SharedSecretPayload payload) {
        Tree tree = Tree.root("shared-secret payload (draft §15.5.3)");
        tree.field("salt", Values.bytes(payload.salt()));
        tree.field("iterations_or_cipher", payload.iterations());
        tree.field("encrypted_secret", Values.bytes(payload.encryptedSecret()));
        tree.field("cipher_suite", Values.registry(payload.cipherSuite().code(), payload.cipherSuite().label()));
        tree.field("cipher_IV", Values.bytes(payload.iv()));
        tree.field("tag", Values.bytes(payload.tag()));
        tree.field("encrypted_data", Values.bytes(payload.encryptedData()));
        return tree;
    }

    static Tree qrPayload(QrPayload payload) {
        Tree tree = Tree.root("QR payload (draft §6.2.5)");
        tree.field("version", payload.version());
        tree.field("device uuid", payload.deviceId());
        tree.field("case_id", Values.secret("case id", payload.caseId()));
        return tree;
    }

    /**
     * A bare unsigned integer. The draft sends several values as one integer, and the bytes cannot tell them
     * apart, so every reading is shown.
     */
    static Tree integer(long value) {
        Tree tree = Tree.root("unsigned integer " + value + ", which the draft uses as");
        tree.field("simple timestamp (draft §7.11.1)", Values.timestamp(new SimpleTimestamp(value)));
        tree.field("channel id (draft §10.1.6)", value);
        if (value <= Integer.MAX_VALUE) {
            tree.field("gateway priority (draft §12.1.1.1)", value);
        }
        for (GoodbyeReason reason : GoodbyeReason.values()) {
            if (reason.code() == value) {
                tree.field("goodbye reason (draft §11.3.2)", Values.registry(value, reason.label()));
            }
        }
        return tree;
    }

    static Tree precisionTimestamp(PrecisionTimestamp timestamp) {
        Tree tree = Tree.root("precision timestamp (draft §7.11.2): " + Values.instant(timestamp));
        tree.field("timestamp_secs", Values.timestamp(timestamp.toSimple()));
        tree.field("timestamp_frac", Values.fraction(timestamp.fraction()));
        return tree;
    }
}
