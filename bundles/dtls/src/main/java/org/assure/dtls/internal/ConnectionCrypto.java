package org.assure.dtls.internal;

import java.io.IOException;
import java.security.SecureRandom;
import org.assure.dtls.internal.ec.P256Tls;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.engines.AESLightEngine;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.ContentType;
import org.bouncycastle.tls.HandshakeType;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsEncodeResult;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's lightweight crypto (the JCA variant refuses raw public keys), one per connection, whose record
 * ciphers report renegotiation attempts (a ClientHello or HelloRequest inside an encrypted record: BouncyCastle
 * drops those silently, the DICE profile wants a {@code no_renegotiation} answer) and turn every decryption
 * failure into {@code bad_record_mac}, the one alert BouncyCastle's transport drops instead of failing on.
 * secp256r1 ECDHE and the verification of a peer's P-256 raw key run on the engine's own P-256
 * ({@link org.assure.dtls.internal.ec.P256}), several times faster than BouncyCastle's arithmetic.
 */
final class ConnectionCrypto extends BcTlsCrypto {
    private final Runnable renegotiationAttempt;
    private final Runnable badRecord;

    ConnectionCrypto(SecureRandom random, Runnable renegotiationAttempt, Runnable badRecord) {
        super(random);
        this.renegotiationAttempt = renegotiationAttempt;
        this.badRecord = badRecord;
    }

    /**
     * Nonces (hello randoms, session ids) straight from the engine's SecureRandom. BouncyCastle's default is a
     * SHA-256 DigestRandomGenerator per connection, seeded from the same SecureRandom: no stronger, about 500
     * bytes that every idle session would keep for nothing (AEAD record nonces are sequence numbers).
     */
    @Override
    public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        SecureRandom random = getSecureRandom();
        return size -> {
            byte[] nonce = new byte[size];
            random.nextBytes(nonce);
            return nonce;
        };
    }

    /** secp256r1 on the engine's own P-256; other groups stay BouncyCastle's. */
    @Override
    public TlsECDomain createECDomain(TlsECConfig ecConfig) {
        if (ecConfig.getNamedGroup() == NamedGroup.secp256r1) {
            return P256Tls.ecDomain(this);
        }
        return super.createECDomain(ecConfig);
    }

    /** A peer's raw public key whose ECDSA P-256 signatures the engine's own P-256 verifies. */
    @Override
    public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
        if (type == CertificateType.RawPublicKey) {
            return P256Tls.rawKeyCertificate(this, encoding);
        }
        return super.createCertificate(type, encoding);
    }

    /** SHA-256 (PRF, handshake hash, HMAC, ECDSA) from the JDK, with the CPU's SHA instructions: see {@link JdkSha256}. */
    @Override
    public Digest createDigest(int cryptoHashAlgorithm) {
        if (cryptoHashAlgorithm == CryptoHashAlgorithm.sha256 && JdkSha256.available()) {
            return JdkSha256.create();
        }
        return super.createDigest(cryptoHashAlgorithm);
    }

    @Override
    public Digest cloneDigest(int cryptoHashAlgorithm, Digest digest) {
        if (digest instanceof JdkSha256 sha256) {
            return sha256.copy();
        }
        return super.cloneDigest(cryptoHashAlgorithm, digest);
    }

    /**
     * AES-CCM on the table-free AES engine: {@code AESEngine} copies its 256-byte S-box per instance, two per
     * session, held while the session idles; CoAP records are a few blocks, where the lighter engine costs
     * nothing measurable.
     */
    @Override
    protected AEADBlockCipher createAEADBlockCipher_AES_CCM() {
        return createCCMMode(new AESLightEngine());
    }

    @Override
    public TlsCipher createCipher(TlsCryptoParameters cryptoParams, int encryptionAlgorithm, int macAlgorithm)
            throws IOException {
        return new WatchedCipher(super.createCipher(cryptoParams, encryptionAlgorithm, macAlgorithm));
    }

    private final class WatchedCipher implements TlsCipher {
        private final TlsCipher cipher;

        WatchedCipher(TlsCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public TlsDecodeResult decodeCiphertext(long seqNo, short recordType, ProtocolVersion recordVersion,
                byte[] ciphertext, int offset, int len) throws IOException {
            TlsDecodeResult result;
            try {
                result = cipher.decodeCiphertext(seqNo, recordType, recordVersion, ciphertext, offset, len);
            } catch (TlsFatalAlert | RuntimeException e) {
                // Any undecryptable record is bad_record_mac, which BouncyCastle drops silently (RFC 6347
                // §4.1.2.7). Other alerts (decode_error for a too-short record) would fail the whole session, so a
                // single spoofed datagram could end it.
                badRecord.run();
                throw new TlsFatalAlert(AlertDescription.bad_record_mac);
            }
            if (result.contentType == ContentType.handshake && result.len > 0) {
                short type = (short) (result.buf[result.off] & 0xFF);
                if (type == HandshakeType.client_hello || type == HandshakeType.hello_request) {
                    renegotiationAttempt.run();
                }
            }
            return result;
        }

        @Override
        public TlsEncodeResult encodePlaintext(long seqNo, short contentType, ProtocolVersion recordVersion,
                int headerAllocation, byte[] plaintext, int offset, int len) throws IOException {
            return cipher.encodePlaintext(seqNo, contentType, recordVersion, headerAllocation, plaintext, offset, len);
        }

        @Override
        public int getCiphertextDecodeLimit(int plaintextLimit) {
            return cipher.getCiphertextDecodeLimit(plaintextLimit);
        }

        @Override
        public int getCiphertextEncodeLimit(int plaintextLimit) {
            return cipher.getCiphertextEncodeLimit(plaintextLimit);
        }

        @Override
        public int getPlaintextDecodeLimit(int ciphertextLimit) {
            return cipher.getPlaintextDecodeLimit(ciphertextLimit);
        }

        @Override
        public int getPlaintextEncodeLimit(int ciphertextLimit) {
            return cipher.getPlaintextEncodeLimit(ciphertextLimit);
        }

        @Override
        public void rekeyDecoder() throws IOException {
            cipher.rekeyDecoder();
        }

        @Override
        public void rekeyEncoder() throws IOException {
            cipher.rekeyEncoder();
        }

        @Override
        public boolean usesOpaqueRecordTypeDecode() {
            return cipher.usesOpaqueRecordTypeDecode();
        }

        @Override
        public boolean usesOpaqueRecordTypeEncode() {
            return cipher.usesOpaqueRecordTypeEncode();
        }
    }
}
