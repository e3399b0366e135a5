package org.assure.core.crypto.internal;

import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;

/**
 * The CMS algorithms PROFILE §4 allows, and their identifiers. Envelopes using anything else (SHA-1 KDFs, RSA
 * PKCS#1 v1.5 key transport, non-AES content ciphers) are refused instead of decrypted.
 */
public final class CmsAlgorithms {
    private static final Map<String, ASN1ObjectIdentifier> DIGEST_OIDS = Map.of(
            "SHA-256", NISTObjectIdentifiers.id_sha256,
            "SHA-384", NISTObjectIdentifiers.id_sha384,
            "SHA-512", NISTObjectIdentifiers.id_sha512);
    private static final Map<String, ASN1ObjectIdentifier> ECDH_KDFS = Map.of(
            "SHA-256", CMSAlgorithm.ECDH_SHA256KDF,
            "SHA-384", CMSAlgorithm.ECDH_SHA384KDF,
            "SHA-512", CMSAlgorithm.ECDH_SHA512KDF);
    private static final Set<ASN1ObjectIdentifier> CONTENT_CIPHERS =
            Set.of(CMSAlgorithm.AES128_CBC, CMSAlgorithm.AES192_CBC, CMSAlgorithm.AES256_CBC);
    private static final Set<ASN1ObjectIdentifier> KEY_WRAPS =
            Set.of(CMSAlgorithm.AES128_WRAP, CMSAlgorithm.AES192_WRAP, CMSAlgorithm.AES256_WRAP);

    private CmsAlgorithms() {
    }

    /** dhSinglePass-stdDH-shaNNNkdf-scheme (RFC 5753 §7.1.4) for a digest name. */
    public static ASN1ObjectIdentifier ecdhKdf(String digest) {
        return require(ECDH_KDFS.get(digest), digest);
    }

    /**
     * RSAES-OAEP with the digest for both the label hash and MGF1, empty label (RFC 4055 §4.1). SHA-2 digest
     * identifiers carry no parameters (RFC 5754 §2), as OpenSSL writes them.
     */
    public static AlgorithmIdentifier rsaOaep(String digest) {
        AlgorithmIdentifier hash = new AlgorithmIdentifier(require(DIGEST_OIDS.get(digest), digest));
        AlgorithmIdentifier mgf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hash);
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                new RSAESOAEPparams(hash, mgf, RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));
    }

    public static boolean isAllowedContentCipher(AlgorithmIdentifier algorithm) {
        return CONTENT_CIPHERS.contains(algorithm.getAlgorithm());
    }

    /** A KeyAgreeRecipientInfo's keyEncryptionAlgorithm: a SHA-2 stdDH KDF whose parameter is an AES key wrap. */
    public static boolean isAllowedKeyAgreement(AlgorithmIdentifier algorithm) {
        if (!ECDH_KDFS.containsValue(algorithm.getAlgorithm())) {
            return false;
        }
        try {
            return KEY_WRAPS.contains(AlgorithmIdentifier.getInstance(algorithm.getParameters()).getAlgorithm());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A KeyTransRecipientInfo's keyEncryptionAlgorithm: RSAES-OAEP with SHA-2 hash and MGF1, empty label. */
    public static boolean isAllowedKeyTransport(AlgorithmIdentifier algorithm) {
        if (!PKCSObjectIdentifiers.id_RSAES_OAEP.equals(algorithm.getAlgorithm())) {
            return false;
        }
        try {
            RSAESOAEPparams parameters = RSAESOAEPparams.getInstance(algorithm.getParameters());
            AlgorithmIdentifier mgf = parameters.getMaskGenAlgorithm();
            return DIGEST_OIDS.containsValue(parameters.getHashAlgorithm().getAlgorithm())
                    && PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                    && DIGEST_OIDS.containsValue(AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm())
                    && isEmptyLabel(parameters.getPSourceAlgorithm());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isEmptyLabel(AlgorithmIdentifier pSource) {
        if (!PKCSObjectIdentifiers.id_pSpecified.equals(pSource.getAlgorithm())) {
            return false;
        }
        ASN1Encodable label = pSource.getParameters();
        return label instanceof org.bouncycastle.asn1.ASN1OctetString octets && octets.getOctets().length == 0;
    }

    private static <T> T require(T value, String digest) {
        if (value == null) {
            throw new IllegalArgumentException("unsupported digest " + digest);
        }
        return value;
    }
}
