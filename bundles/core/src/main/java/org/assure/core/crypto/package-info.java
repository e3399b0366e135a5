/**
 * Byte-level cryptography of the aSSURE profile (PROFILE.md §3, §4): key parsing and encoding, key generation,
 * ECDSA/RSA/HMAC signature values, derived secrets, CMS envelopes and the shared-secret payload cipher. Nothing
 * here knows CBOR; callers hand in the signing input bytes.
 *
 * <p>All algorithms run on a private BouncyCastle provider instance; nothing is registered with
 * {@link java.security.Security}. Checked failures are {@link org.assure.core.crypto.CryptoException}; misuse
 * (a key of the wrong type, a format of the wrong kind) is an {@link IllegalArgumentException}.
 */
@Export
@Version("1.1.0")
package org.assure.core.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
