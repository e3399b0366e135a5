package org.assure.cli.internal;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.Bytes;
import org.assure.core.model.ContentType;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcSignature;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.PskHint;
import org.assure.core.model.RsaSignature;
import org.assure.core.model.SignatureDefinition;

/**
 * Trees for the key-related structures of draft §7.2–§7.4 and §15.5, with the draft's field names. Private keys
 * are shown only as present or absent with their length.
 */
final class KeyRenderer {
    private KeyRenderer() {
    }

    static Tree bootstrapImage(BootstrapImage image) {
        Tree tree = Tree.root("bootstrap image (draft §15.5)");
        authenticatedKeys(tree, "authenticated_keys", image.keys());
        tree.attach("owner_information", ownerInformation(image.owner()));
        tree.field("decryption_key_id", image.decryptionKeyId());
        tree.attach("encrypted_payload", EncryptedPayloads.describe(image.encryptedPayload()));
        tree.attach("signature", signature(image.signature()));
        return tree;
    }

    /** The answer to GET /v1/keys (draft §10.1.5): keys without private parts, and whether the device holds them. */
    static Tree keyList(List<KeyListEntry> entries) {
        Tree tree = Tree.root("key list (draft §10.1.5)");
        Tree list = tree.node("keys", count(entries.size()));
        for (int i = 0; i < entries.size(); i++) {
            KeyListEntry entry = entries.get(i);
            String privateKey = !(entry.key().key() instanceof AsymmetricKey) ? null
                    : entry.privateKeyPresent() ? "\"PRESENT\" (the device holds the private key)" : "(empty: public key only)";
            list.attach("[" + i + "]", authenticatedKey(entry.key(), privateKey));
        }
        return tree;
    }

    /** A PSK identity hint (draft §8.4, §15.3, PROFILE §6); {@code form} says how it was given, e.g. base64 text. */
    static Tree pskHint(PskHint hint, String form) {
        Tree tree = Tree.root("PSK identity hint (draft §8.4" + form + ")");
        if (hint instanceof PskHint.KeyIdHint id) {
            tree.field("key_id", id.keyId());
        } else if (hint instanceof PskHint.KeyDefinitionHint definition) {
            tree.attach("key", keyDefinition(definition.key(), null));
        } else {
            List<DerivedSecretKey> keys = ((PskHint.KeyChainHint) hint).keys();
            Tree chain = tree.node("keys (derivation order, draft §15.3)", count(keys.size()));
            for (int i = 0; i < keys.size(); i++) {
                chain.attach("[" + i + "]", keyDefinition(keys.get(i), null));
            }
        }
        tree.field("pre-shared key", "the secret of " + hint.pskKeyId());
        return tree;
    }

    private static void authenticatedKeys(Tree parent, String name, List<AuthenticatedKey> keys) {
        Tree list = parent.node(name, count(keys.size()));
        for (int i = 0; i < keys.size(); i++) {
            list.attach("[" + i + "]", authenticatedKey(keys.get(i)));
        }
    }

    static Tree authenticatedKey(AuthenticatedKey key) {
        return authenticatedKey(key, null);
    }

    private static Tree authenticatedKey(AuthenticatedKey key, String privateKeyText) {
        Tree tree = Tree.root("authenticated key (draft §7.4)");
        content(tree, ContentType.IDENTITY);
        tree.field("class", Values.registry(key.identityClass().code(), key.identityClass().label()));
        tree.attach("key", keyDefinition(key.key(), privateKeyText));
        Tree metadata = tree.node("metadata", key.metadata().owningDevice().isEmpty() ? "(empty)" : "");
        key.metadata().owningDevice().ifPresent(device -> metadata.field("0 (owning device)", device));
        tree.attach("signature", signature(key.signature()));
        return tree;
    }

    static Tree keyDefinition(KeyDefinition key) {
        return keyDefinition(key, null);
    }

    /** {@code privateKeyText} replaces the private key line (key lists); null: present or empty, never the key. */
    private static Tree keyDefinition(KeyDefinition key, String privateKeyText) {
        Tree tree = Tree.root("key definition (draft §7.2)");
        content(tree, ContentType.KEY);
        tree.field("format", Values.registry(key.format().code(), key.format().label()));
        tree.field("key_id", key.keyId());
        if (key instanceof AsymmetricKey asymmetric) {
            tree.field("public_key", Values.bytes(asymmetric.publicKey()) + publicKeyNote(asymmetric));
            tree.field("private_key", privateKeyText != null ? privateKeyText
                    : Values.secret("private key", asymmetric.privateKey()));
        } else {
            List<Derivation> derivations = ((DerivedSecretKey) key).derivations();
            Tree list = tree.node("derivations", count(derivations.size()));
            for (int i = 0; i < derivations.size(); i++) {
                list.attach("[" + i + "]", derivation(derivations.get(i)));
            }
        }
        return tree;
    }

    /** What the key is, e.g. {@code  [EC P-256]}, when core accepts it; nothing when it does not parse. */
    private static String publicKeyNote(AsymmetricKey key) {
        try {
            PublicKey publicKey = Keys.publicKey(key.format(), key.publicKey());
            if (publicKey instanceof RSAPublicKey rsa) {
                return " [RSA " + rsa.getModulus().bitLength() + " bits]";
            }
            return " [EC " + Keys.curve(publicKey).label() + "]";
        } catch (CryptoException | RuntimeException e) {
            return " [not a valid " + key.format().label() + " public key]";
        }
    }

    private static Tree derivation(Derivation derivation) {
        Tree tree = Tree.root("derivation");
        tree.field("reference_key_id", derivation.referenceKeyId());
        tree.field("salt", Values.bytes(derivation.salt()));
        tree.field("iterations_or_cipher", derivation.iterationsOrCipher());
        Bytes secret = derivation.encryptedSecret();
        // The draft makes derivations public; a CMS envelope (EC/RSA reference key) is summarised, not dumped.
        tree.attach("encrypted_secret", EncryptedPayloads.describe(secret));
        return tree;
    }

    static Tree ownerInformation(OwnerInformation owner) {
        Tree tree = Tree.root("owner information (draft §15.5)");
        content(tree, ContentType.OWNER);
        tree.field("owner_sequence_number", owner.sequence());
        tree.attach("signature", signature(owner.signature()));
        return tree;
    }

    static Tree signature(SignatureDefinition signature) {
        Tree tree = Tree.root("signature (draft §7.3)");
        content(tree, ContentType.SIGNATURE);
        tree.field("format", Values.registry(signature.format().code(), signature.format().label()));
        tree.field("created_at", Values.bound(signature.createdAt()));
        tree.field("valid_until", Values.bound(signature.validUntil()));
        tree.field("key_id", signature.keyId());
        if (signature instanceof EcSignature ec) {
            tree.field("r", Values.bytes(ec.r()));
            tree.field("s", Values.bytes(ec.s()));
        } else if (signature instanceof RsaSignature rsa) {
            tree.field("s", Values.bytes(rsa.s()));
        } else {
            tree.field("hmac", Values.bytes(((HmacSignature) signature).hmac()));
        }
        return tree;
    }

    private static void content(Tree tree, ContentType type) {
        tree.field("content", Values.registry(type.code(), type.label()));
    }

    static String count(int n) {
        return n == 1 ? "1 item" : n + " items";
    }
}
