package org.assure.core.trust;

import java.security.PublicKey;
import java.util.Optional;
import java.util.Set;
import org.assure.core.cbor.SigningInputs;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Signatures;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcSignature;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.RsaSignature;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureDefinition;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.trust.ValidationException.Reason;

/**
 * Validates authenticated keys with the draft's five checks (§7.4) in order — signer present, signature current,
 * chain current, class permitted (PROFILE §3 matrix), signature matches — and checks other signed artifacts the
 * same way. The time checks run only when the device has trusted time (PROFILE §3). Immutable and thread-safe.
 */
public final class AuthenticatedKeyValidator {
    /** Longest chain from a signer to a trust anchor. */
    public static final int MAX_CHAIN_DEPTH = 16;

    private final Optional<SimpleTimestamp> trustedTime;

    private AuthenticatedKeyValidator(Optional<SimpleTimestamp> trustedTime) {
        this.trustedTime = trustedTime;
    }

    /** For a device whose clock was set from a trusted source: validity periods are enforced. */
    public static AuthenticatedKeyValidator atTrustedTime(SimpleTimestamp now) {
        return new AuthenticatedKeyValidator(Optional.of(now));
    }

    /** For a device without trusted time: validity periods are skipped, as the draft allows. */
    public static AuthenticatedKeyValidator withoutTrustedTime() {
        return new AuthenticatedKeyValidator(Optional.empty());
    }

    public static AuthenticatedKeyValidator of(Optional<SimpleTimestamp> trustedTime) {
        return new AuthenticatedKeyValidator(trustedTime);
    }

    public Optional<SimpleTimestamp> trustedTime() {
        return trustedTime;
    }

    /**
     * Runs the five checks on {@code candidate} against {@code trusted} and returns it as a trusted key, with
     * its derived secret resolved when the device can derive it.
     *
     * @throws ValidationException naming the first check that failed
     */
    public TrustedKey validate(AuthenticatedKey candidate, TrustedKeys trusted) throws ValidationException {
        verify(candidate.signature(), SigningInputs.authenticatedKey(candidate), trusted,
                Permissions.signersOf(candidate.identityClass()));
        try {
            SecretBytes secret = SecretBytes.EMPTY;
            if (candidate.key() instanceof DerivedSecretKey derived) {
                secret = DerivedSecrets.resolve(derived, trusted).orElse(SecretBytes.EMPTY);
            }
            return TrustedKey.authenticated(candidate, secret);
        } catch (CryptoException e) {
            throw new ValidationException(Reason.KEY_MATERIAL_INVALID);
        }
    }

    /**
     * Checks a signature over {@code signingInput} made by a trusted key whose class is in {@code allowedSigners}.
     *
     * @return the signer
     * @throws ValidationException naming the first check that failed
     */
    public TrustedKey verify(SignatureDefinition signature, byte[] signingInput, TrustedKeys trusted,
            Set<IdentityClass> allowedSigners) throws ValidationException {
        if (!signature.isSigned()) {
            throw new ValidationException(Reason.UNSIGNED);
        }
        TrustedKey signer = trusted.find(signature.keyId())
                .orElseThrow(() -> new ValidationException(Reason.SIGNER_UNKNOWN));
        if (trustedTime.isPresent() && !signature.isValidAt(trustedTime.get())) {
            throw new ValidationException(Reason.SIGNATURE_NOT_CURRENT);
        }
        checkChain(signer, trusted);
        if (!allowedSigners.contains(signer.identityClass())) {
            throw new ValidationException(Reason.CLASS_NOT_PERMITTED);
        }
        if (!matches(signer, signature, signingInput)) {
            throw new ValidationException(Reason.SIGNATURE_INVALID);
        }
        return signer;
    }

    private void checkChain(TrustedKey signer, TrustedKeys trusted) throws ValidationException {
        TrustedKey current = signer;
        for (int depth = 0; !current.isAnchor(); depth++) {
            if (depth >= MAX_CHAIN_DEPTH) {
                throw new ValidationException(Reason.CHAIN_BROKEN);
            }
            SignatureDefinition link = current.signature().orElseThrow();
            if (trustedTime.isPresent() && !link.isValidAt(trustedTime.get())) {
                throw new ValidationException(Reason.CHAIN_NOT_CURRENT);
            }
            current = trusted.find(link.keyId()).orElseThrow(() -> new ValidationException(Reason.CHAIN_BROKEN));
        }
    }

    private static boolean matches(TrustedKey signer, SignatureDefinition signature, byte[] input)
            throws ValidationException {
        switch (signature.format().kind()) {
            case EC -> {
                PublicKey key = publicKeyOf(signer, KeyFormat.EC);
                EcSignature ec = (EcSignature) signature;
                return Signatures.verifyEc(signature.format(), key, input, ec.r(), ec.s());
            }
            case RSA -> {
                PublicKey key = publicKeyOf(signer, KeyFormat.RSA);
                return Signatures.verifyRsa(signature.format(), key, input, ((RsaSignature) signature).s());
            }
            default -> {
                if (signer.format() != KeyFormat.DERIVED_SECRET) {
                    throw new ValidationException(Reason.FORMAT_MISMATCH);
                }
                // A derived secret this device cannot derive cannot vouch for anything here.
                SecretBytes secret = signer.secret().orElseThrow(() -> new ValidationException(Reason.SIGNER_UNKNOWN));
                return Signatures.verifyHmac(signature.format(), secret, input, ((HmacSignature) signature).hmac());
            }
        }
    }

    private static PublicKey publicKeyOf(TrustedKey signer, KeyFormat expected) throws ValidationException {
        if (signer.format() != expected) {
            throw new ValidationException(Reason.FORMAT_MISMATCH);
        }
        return signer.publicKey().orElseThrow(() -> new ValidationException(Reason.FORMAT_MISMATCH));
    }
}
