package org.assure.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

import org.assure.core.crypto.internal.BouncyCastle;
import org.assure.core.crypto.internal.CmsAlgorithms;
import org.assure.core.model.Bytes;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.PKIXRecipientId;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;

/**
 * CMS EnvelopedData (RFC 5652) for derived secrets and bootstrap payloads whose reference key is EC or RSA
 * (draft §7.2, §15.5.1, §15.5.2, PROFILE §4). EC recipients get a KeyAgreeRecipientInfo with ephemeral-static
 * ECDH (dhSinglePass-stdDH-shaNNNkdf-scheme, RFC 5753 §3.1) and AES key wrap; RSA recipients a
 * KeyTransRecipientInfo with RSAES-OAEP. Content is AES-CBC. The recipient is named by the subjectKeyIdentifier
 * holding the 16 UUID bytes of the recipient key. Envelopes made by {@code openssl cms -encrypt} open too.
 */
public final class CmsEnvelopes {
    /** Trial decryptions per envelope are bounded: each costs a private-key operation. */
    static final int MAX_RECIPIENT_INFOS = 16;

    private CmsEnvelopes() {
    }

    /**
     * Encrypts {@code content} for one recipient and returns the DER ContentInfo.
     *
     * @throws IllegalArgumentException if the key is neither an EC key on a supported curve nor an RSA key
     */
    public static Bytes seal(PublicKey recipient, UUID recipientKeyId, byte[] content, CmsOptions options,
            SecureRandom random) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(recipientKeyId, "recipientKeyId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(random, "random");
        byte[] keyId = uuidBytes(recipientKeyId);
        try {
            RecipientInfoGenerator recipientInfo;
            if (recipient instanceof ECPublicKey ec) {
                recipientInfo = keyAgreement(ec, keyId, options, random);
            } else if (recipient instanceof RSAPublicKey rsa) {
                recipientInfo = keyTransport(rsa, keyId, options, random);
            } else {
                throw new IllegalArgumentException("recipient is not an EC or RSA public key");
            }
            OutputEncryptor encryptor = new JceCMSContentEncryptorBuilder(options.aes256() ? CMSAlgorithm.AES256_CBC : CMSAlgorithm.AES128_CBC)
                    .setProvider(BouncyCastle.provider())
                    .setSecureRandom(random)
                    .build();
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(recipientInfo);
            CMSEnvelopedData envelope = generator.generate(new CMSProcessableByteArray(content), encryptor);
            // The generator builds BER octet strings; PROFILE §4 carries DER.
            return Bytes.of(envelope.toASN1Structure().getEncoded(ASN1Encoding.DER));
        } catch (CMSException | IOException | CertificateEncodingException e) {
            throw new IllegalStateException("CMS envelope could not be built", e);
        }
    }

    /**
     * Decrypts an envelope with the private key of the key {@code keyId}. A recipient named by subjectKeyIdentifier
     * must name exactly that UUID; one named by issuerAndSerialNumber (OpenSSL with a certificate) is tried with
     * the key and accepted if it decrypts.
     *
     * @throws CryptoException MALFORMED if the bytes are not a DER/BER ContentInfo holding an EnvelopedData with
     *                         content; NOT_IMPLEMENTED if it uses algorithms outside PROFILE §4; UNAUTHENTICATED if no
     *                         recipient info is for this key or decryption fails
     * @throws IllegalArgumentException if the key is neither an EC nor an RSA private key
     */
    public static byte[] open(PrivateKey key, UUID keyId, Bytes envelopeDer) throws CryptoException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(envelopeDer, "envelopeDer");
        boolean ec = key instanceof ECPrivateKey;
        if (!ec && !(key instanceof RSAPrivateKey)) {
            throw new IllegalArgumentException("key is not an EC or RSA private key");
        }
        CMSEnvelopedData envelope = parse(envelopeDer);
        if (!CmsAlgorithms.isAllowedContentCipher(envelope.getContentEncryptionAlgorithm())) {
            throw CryptoException.notImplemented("CMS content cipher not supported");
        }
        Collection<RecipientInformation> recipients = envelope.getRecipientInfos().getRecipients();
        if (recipients.size() > MAX_RECIPIENT_INFOS) {
            throw CryptoException.malformed("CMS envelope has too many recipients");
        }
        byte[] wanted = uuidBytes(keyId);
        boolean unsupported = false;
        for (RecipientInformation candidate : recipients) {
            boolean ours = ec ? candidate instanceof KeyAgreeRecipientInformation : candidate instanceof KeyTransRecipientInformation;
            if (!ours || !namesKey((PKIXRecipientId) candidate.getRID(), wanted)) {
                continue;
            }
            boolean allowed = ec
                    ? CmsAlgorithms.isAllowedKeyAgreement(candidate.getKeyEncryptionAlgorithm())
                    : CmsAlgorithms.isAllowedKeyTransport(candidate.getKeyEncryptionAlgorithm());
            if (!allowed) {
                unsupported = true;
                continue;
            }
            Recipient recipient = ec
                    ? new JceKeyAgreeEnvelopedRecipient(key).setProvider(BouncyCastle.provider())
                    : new JceKeyTransEnvelopedRecipient(key).setProvider(BouncyCastle.provider());
            try {
                return candidate.getContent(recipient);
            } catch (CMSException | RuntimeException e) {
                // Wrong key, bad wrap or bad padding: all the same to the caller, and the next candidate may fit.
            }
        }
        if (unsupported) {
            throw CryptoException.notImplemented("CMS key encryption algorithm not supported");
        }
        throw CryptoException.unauthenticated("CMS envelope cannot be opened with this key");
    }

    private static RecipientInfoGenerator keyAgreement(ECPublicKey recipient, byte[] keyId, CmsOptions options,
            SecureRandom random) throws CertificateEncodingException {
        // RFC 5753 §3.1.1: standard ECDH with a fresh ephemeral key on the recipient's curve for every envelope.
        KeyPair ephemeral = KeyGeneration.generate(Keys.curve(recipient).generateKeyType(), random);
        return new JceKeyAgreeRecipientInfoGenerator(CmsAlgorithms.ecdhKdf(options.digest()), ephemeral.getPrivate(),
                ephemeral.getPublic(), options.aes256() ? CMSAlgorithm.AES256_WRAP : CMSAlgorithm.AES128_WRAP)
                .addRecipient(keyId, recipient)
                .setProvider(BouncyCastle.provider())
                .setSecureRandom(random);
    }

    private static RecipientInfoGenerator keyTransport(RSAPublicKey recipient, byte[] keyId, CmsOptions options,
            SecureRandom random) {
        JceAsymmetricKeyWrapper wrapper = new JceAsymmetricKeyWrapper(CmsAlgorithms.rsaOaep(options.digest()), recipient)
                .setProvider(BouncyCastle.provider())
                .setSecureRandom(random);
        return new JceKeyTransRecipientInfoGenerator(keyId, wrapper).setProvider(BouncyCastle.provider());
    }

    private static CMSEnvelopedData parse(Bytes envelopeDer) throws CryptoException {
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(envelopeDer.toByteArray()));
            if (contentInfo == null || !CMSObjectIdentifiers.envelopedData.equals(contentInfo.getContentType())) {
                throw CryptoException.malformed("not a CMS EnvelopedData");
            }
            if (EnvelopedData.getInstance(contentInfo.getContent()).getEncryptedContentInfo().getEncryptedContent() == null) {
                throw CryptoException.malformed("CMS EnvelopedData without content");
            }
            return new CMSEnvelopedData(contentInfo);
        } catch (IOException | CMSException | RuntimeException e) {
            throw CryptoException.malformed("not a CMS EnvelopedData", e);
        }
    }

    /** Subject key identifier: must be the UUID. Issuer and serial: cannot be checked, so the key decides. */
    private static boolean namesKey(PKIXRecipientId rid, byte[] keyId) {
        byte[] subjectKeyId = rid.getSubjectKeyIdentifier();
        if (subjectKeyId != null) {
            return Arrays.equals(subjectKeyId, keyId);
        }
        return rid.getIssuer() != null && rid.getSerialNumber() != null;
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
