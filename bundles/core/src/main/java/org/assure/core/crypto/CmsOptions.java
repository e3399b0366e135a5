package org.assure.core.crypto;

import java.util.Objects;
import java.util.Set;

/**
 * Algorithm choices for a {@link CmsEnvelopes#seal} envelope (PROFILE §4). The defaults are AES-128 and SHA-256;
 * AES-256 and SHA-384/512 are for recipients whose capabilities ask for them.
 *
 * @param aes256 AES-256-CBC content encryption (and id-aes256-wrap for EC recipients) instead of AES-128
 * @param digest the KDF digest of EC recipients and the OAEP/MGF1 digest of RSA recipients: {@code SHA-256},
 *               {@code SHA-384} or {@code SHA-512}
 */
public record CmsOptions(boolean aes256, String digest) {
    // Initialised before DEFAULT, whose construction reads it.
    private static final Set<String> DIGESTS = Set.of("SHA-256", "SHA-384", "SHA-512");

    /** AES-128 and SHA-256, what the draft names as the default. */
    public static final CmsOptions DEFAULT = new CmsOptions(false, "SHA-256");

    /**
     * @throws IllegalArgumentException if {@code digest} is not SHA-256, SHA-384 or SHA-512
     */
    public CmsOptions {
        Objects.requireNonNull(digest, "digest");
        if (!DIGESTS.contains(digest)) {
            throw new IllegalArgumentException("CMS digest must be SHA-256, SHA-384 or SHA-512: " + digest);
        }
    }
}
