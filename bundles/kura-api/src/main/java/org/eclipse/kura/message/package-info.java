/**
 * Kura's message payload model, exported by Kura's API bundle at version 1.5.0 (Kura 5.4 and later; 1.4.0 in 5.0 to
 * 5.3, the difference being only in types this stand-in leaves out).
 * <p>
 * Stand-in subset: {@link org.eclipse.kura.message.KuraPayload} and {@link org.eclipse.kura.message.KuraPosition}.
 */
@Export
@Version("1.5.0")
package org.eclipse.kura.message;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
