package org.assure.cli.internal;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assure.core.crypto.CmsEnvelopes;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.Uuids;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code assure derive}: the secret of one derivation (draft §7.2, PROFILE §4), from a shared reference secret
 * (PBKDF2-HMAC-SHA256 XOR) or from an EC or RSA reference key (CMS envelope).
 */
@Command(name = "derive",
        description = {"Derive the secret of one derivation (draft §7.2, PROFILE §4) and print it in hex.",
                "Shared reference secret: PBKDF2-HMAC-SHA256(reference secret, salt, iterations) XOR encrypted secret.",
                "EC or RSA reference key: open the CMS envelope with the PKCS#8 private key."})
final class DeriveCommand implements Callable<Integer> {
    @ParentCommand
    private AssureCommand parent;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        SharedSecret shared;

        @ArgGroup(exclusive = false)
        Envelope envelope;
    }

    static final class SharedSecret {
        @Option(names = "--reference-secret", required = true, paramLabel = "HEX", description = "The reference key's shared secret.")
        String referenceSecret;

        @Option(names = "--salt", required = true, paramLabel = "HEX", description = "The derivation's salt (may be empty: --salt '').")
        String salt;

        @Option(names = "--iterations", required = true, paramLabel = "N", description = "PBKDF2 iterations, 1..10000000.")
        long iterations;

        @Option(names = "--encrypted-secret", required = true, paramLabel = "HEX", description = "The derivation's encrypted_secret.")
        String encryptedSecret;
    }

    static final class Envelope {
        @Option(names = "--reference-key", required = true, paramLabel = "KEY.pem", description = "PKCS#8 PEM private key (EC or RSA).")
        String referenceKey;

        @Option(names = "--envelope", required = true, paramLabel = "FILE", description = "The DER CMS envelope (encrypted_secret).")
        String envelope;

        @Option(names = "--key-id", paramLabel = "UUID",
                description = "Require the recipient's subjectKeyIdentifier to be this key id. Default: any recipient.")
        UUID keyId;
    }

    @Override
    public Integer call() {
        SecretBytes secret = source.shared != null ? fromSharedSecret(source.shared) : fromEnvelope(source.envelope);
        byte[] value = secret.toByteArray();
        try {
            spec.commandLine().getOut().println(Hex.format(value));
            spec.commandLine().getOut().flush();
        } finally {
            Arrays.fill(value, (byte) 0);
        }
        return AssureMain.EXIT_OK;
    }

    private static SecretBytes fromSharedSecret(SharedSecret options) {
        byte[] reference = Hex.parse(options.referenceSecret, "--reference-secret");
        try {
            if (reference.length == 0) {
                throw new CliException("--reference-secret is empty");
            }
            Bytes salt = Bytes.of(Hex.parse(options.salt, "--salt"));
            Bytes encrypted = Bytes.of(Hex.parse(options.encryptedSecret, "--encrypted-secret"));
            return SecretDerivation.derive(SecretBytes.of(reference), salt, options.iterations, encrypted);
        } catch (CryptoException e) {
            throw new CliException(e.getMessage());
        } finally {
            Arrays.fill(reference, (byte) 0);
        }
    }

    private SecretBytes fromEnvelope(Envelope options) {
        PrivateKey key = PemFiles.privateKey(options.referenceKey, parent.stdin());
        byte[] der = Envelopes.readDer(options.envelope, parent.stdin());
        List<UUID> keyIds = options.keyId != null ? List.of(options.keyId) : recipientKeyIds(der, options.envelope);
        CryptoException last = null;
        for (UUID keyId : keyIds) {
            try {
                return SecretBytes.wrap(CmsEnvelopes.open(key, keyId, Bytes.of(der)));
            } catch (CryptoException e) {
                last = e;
            }
        }
        throw new CliException(last == null ? "no recipient in the envelope" : last.getMessage());
    }

    /**
     * Every key id the envelope names (PROFILE §4: the subjectKeyIdentifier is the key's UUID). A recipient named
     * by issuer and serial number (OpenSSL with a certificate) cannot be matched by id: CmsEnvelopes then lets the
     * key decide, whatever id it is given.
     */
    private static List<UUID> recipientKeyIds(byte[] der, String file) {
        EnvelopedData envelope = EncryptedPayloads.envelope(der);
        if (envelope == null) {
            throw new CliException(file + ": not a CMS EnvelopedData");
        }
        List<UUID> ids = new ArrayList<>();
        boolean issuerAndSerial = false;
        for (int i = 0; i < envelope.getRecipientInfos().size(); i++) {
            Object info = RecipientInfo.getInstance(envelope.getRecipientInfos().getObjectAt(i)).getInfo();
            if (info instanceof KeyTransRecipientInfo transport) {
                if (transport.getRecipientIdentifier().getId() instanceof ASN1OctetString ski) {
                    addUuid(ids, ski.getOctets());
                } else {
                    issuerAndSerial = true;
                }
            } else if (info instanceof KeyAgreeRecipientInfo agreement) {
                for (int k = 0; k < agreement.getRecipientEncryptedKeys().size(); k++) {
                    RecipientEncryptedKey key = RecipientEncryptedKey.getInstance(agreement.getRecipientEncryptedKeys().getObjectAt(k));
                    if (key.getIdentifier().getRKeyID() != null) {
                        addUuid(ids, key.getIdentifier().getRKeyID().getSubjectKeyIdentifier().getOctets());
                    } else {
                        issuerAndSerial = true;
                    }
                }
            }
        }
        if (issuerAndSerial) {
            ids.add(new UUID(0, 0));
        }
        return ids;
    }

    private static void addUuid(List<UUID> ids, byte[] subjectKeyId) {
        if (subjectKeyId.length == Uuids.LENGTH) {
            UUID id = Uuids.fromBytes(subjectKeyId);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
    }
}
