/**
 * Kura's checked exception and its error codes, as exported by Kura's API bundle at version 1.7.0 (Kura 5.2 and
 * later; 1.6.0 in 5.0 and 5.1, before {@code UNSUPPORTED_MODEM} and {@code INVALID_CERTIFICATE_EXCEPTION}).
 * <p>
 * Stand-in subset: {@link org.eclipse.kura.KuraException}, {@link org.eclipse.kura.KuraErrorCode} and
 * {@link org.eclipse.kura.KuraBluetoothDiscoveryException}.
 */
@Export
@Version("1.7.0")
package org.eclipse.kura;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
