/**
 * The device keystore (draft §7, §10.1.1–10.1.5, §15; PROFILE §3): trust anchors from the factory identity,
 * authenticated keys imported after core's five checks, keys the device generates, owner sequence number and the
 * channel manager's persisted state — all committed atomically and crash-safely, private parts encrypted at rest.
 *
 * <p>Consumers: the channel manager ({@link org.assure.keystore.KeyOperations} for the Device Management API,
 * {@link org.assure.keystore.KeystoreCredentials} for DTLS) and the bootstrap client
 * ({@link org.assure.keystore.Keystore#beginBootstrap()} to apply a bootstrap image atomically). Failures are
 * {@link org.assure.keystore.KeystoreException}s whose {@link org.assure.core.error.ErrorKind} maps to the draft's
 * response codes (STYLE.md).
 */
@Export
@Version("1.1.0")
package org.assure.keystore;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
