package org.assure.cli.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.SharedSecretPayloadCodec;
import org.assure.core.model.Bytes;
import org.assure.core.model.Uuids;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Describes the opaque ciphertexts of the draft without decrypting them: a CMS EnvelopedData (EC or RSA
 * reference key, PROFILE §4) shows its recipients and algorithms, a shared-secret payload (§15.5.3) its fields;
 * anything else shows as hex.
 */
final class EncryptedPayloads {
    /** Algorithms PROFILE §4 uses, by OID, with the names RFC 3565, RFC 5753 and RFC 8017 give them. */
    private static final Map<String, String> ALGORITHMS = Map.ofEntries(
            Map.entry("2.16.840.1.101.3.4.1.2", "aes128-CBC"),
            Map.entry("2.16.840.1.101.3.4.1.22", "aes192-CBC"),
            Map.entry("2.16.840.1.101.3.4.1.42", "aes256-CBC"),
            Map.entry("2.16.840.1.101.3.4.1.5", "id-aes128-wrap"),
            Map.entry("2.16.840.1.101.3.4.1.25", "id-aes192-wrap"),
            Map.entry("2.16.840.1.101.3.4.1.45", "id-aes256-wrap"),
            Map.entry("1.3.132.1.11.1", "dhSinglePass-stdDH-sha256kdf-scheme"),
            Map.entry("1.3.132.1.11.2", "dhSinglePass-stdDH-sha384kdf-scheme"),
            Map.entry("1.3.132.1.11.3", "dhSinglePass-stdDH-sha512kdf-scheme"),
            Map.entry("1.2.840.113549.1.1.7", "RSAES-OAEP"),
            Map.entry("1.2.840.113549.1.1.1", "rsaEncryption (PKCS#1 v1.5)"),
            Map.entry("1.3.14.3.2.26", "SHA-1"),
            Map.entry("2.16.840.1.101.3.4.2.1", "SHA-256"),
            Map.entry("2.16.840.1.101.3.4.2.2", "SHA-384"),
            Map.entry("2.16.840.1.101.3.4.2.3", "SHA-512"));

    private EncryptedPayloads() {
    }

    /** A tree whose first line is the value: a CMS summary or the (abbreviated) hex. */
    static Tree describe(Bytes ciphertext) {
        byte[] der = ciphertext.toByteArray();
        EnvelopedData envelope = envelope(der);
        if (envelope == null) {
            return sharedSecretPayload(der).orElseGet(() -> Tree.root(Values.bytes(der)));
        }
        Tree tree = Tree.root("CMS enveloped data (RFC 5652), " + der.length + " bytes");
        Tree recipients = tree.node("recipients", KeyRenderer.count(envelope.getRecipientInfos().size()));
        for (int i = 0; i < envelope.getRecipientInfos().size(); i++) {
            recipients.attach("[" + i + "]", recipient(RecipientInfo.getInstance(envelope.getRecipientInfos().getObjectAt(i))));
        }
        EncryptedContentInfo content = envelope.getEncryptedContentInfo();
        tree.field("content_encryption", algorithm(content.getContentEncryptionAlgorithm()));
        ASN1OctetString encrypted = content.getEncryptedContent();
        tree.field("encrypted_content", encrypted == null ? "(absent)" : encrypted.getOctets().length + " bytes");
        return tree;
    }

    /** A payload encrypted under a shared secret (draft §15.5.3) is CBOR; anything else stays bytes. */
    private static Optional<Tree> sharedSecretPayload(byte[] data) {
        try {
            return Optional.of(PayloadRenderer.sharedSecretPayload(SharedSecretPayloadCodec.decode(data)));
        } catch (CborDecodeException e) {
            return Optional.empty();
        }
    }

    private static Tree recipient(RecipientInfo info) {
        ASN1Encodable value = info.getInfo();
        if (value instanceof KeyTransRecipientInfo transport) {
            Tree tree = Tree.root("key transport (KeyTransRecipientInfo)");
            tree.field("recipient", recipientId(transport.getRecipientIdentifier()));
            tree.field("key_encryption", algorithm(transport.getKeyEncryptionAlgorithm()));
            return tree;
        }
        if (value instanceof KeyAgreeRecipientInfo agreement) {
            Tree tree = Tree.root("key agreement (KeyAgreeRecipientInfo)");
            for (int i = 0; i < agreement.getRecipientEncryptedKeys().size(); i++) {
                RecipientEncryptedKey key = RecipientEncryptedKey.getInstance(agreement.getRecipientEncryptedKeys().getObjectAt(i));
                ASN1OctetString subjectKeyId = key.getIdentifier().getRKeyID() == null ? null
                        : key.getIdentifier().getRKeyID().getSubjectKeyIdentifier();
                tree.field("recipient", subjectKeyId == null ? "issuer and serial number" : subjectKeyId(subjectKeyId));
            }
            tree.field("key_encryption", algorithm(agreement.getKeyEncryptionAlgorithm()));
            return tree;
        }
        return Tree.root("other recipient type");
    }

    private static String recipientId(RecipientIdentifier id) {
        if (id.getId() instanceof ASN1OctetString subjectKeyId) {
            return subjectKeyId(subjectKeyId);
        }
        return "issuer and serial number";
    }

    /** PROFILE §4 names the recipient by the 16 UUID bytes of its key. */
    private static String subjectKeyId(ASN1OctetString octets) {
        byte[] id = octets.getOctets();
        if (id.length == Uuids.LENGTH) {
            UUID uuid = Uuids.fromBytes(id);
            return "subjectKeyIdentifier " + uuid;
        }
        return "subjectKeyIdentifier " + Values.bytes(id);
    }

    private static String algorithm(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        String name = ALGORITHMS.get(oid.getId());
        String text = name == null ? oid.getId() : name + " (" + oid.getId() + ")";
        try {
            if (oid.getId().startsWith("1.3.132.1.11.") && algorithm.getParameters() != null) {
                // RFC 5753: the key agreement's parameters name the key wrap algorithm.
                text += " with " + algorithm(AlgorithmIdentifier.getInstance(algorithm.getParameters()));
            } else if (PKCSObjectIdentifiers.id_RSAES_OAEP.equals(oid) && algorithm.getParameters() != null) {
                text += " with " + algorithm(RSAESOAEPparams.getInstance(algorithm.getParameters()).getHashAlgorithm());
            }
        } catch (RuntimeException e) {
            text += " (unreadable parameters)";
        }
        return text;
    }

    /** The EnvelopedData inside {@code der}, or null if it is not a ContentInfo holding one. */
    static EnvelopedData envelope(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return null;
        }
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            ContentInfo info = ContentInfo.getInstance(primitive);
            if (!CMSObjectIdentifiers.envelopedData.equals(info.getContentType())) {
                return null;
            }
            return EnvelopedData.getInstance(info.getContent());
        } catch (IOException | RuntimeException e) {
            // Not DER, or DER of something else: shown as bytes.
            return null;
        }
    }
}
