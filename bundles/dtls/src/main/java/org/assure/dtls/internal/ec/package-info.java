/**
 * The engine's own NIST P-256 (key generation, ECDH, ECDSA), constant time for secrets, and its adapters to
 * BouncyCastle's TLS crypto; not exported.
 */
package org.assure.dtls.internal.ec;
