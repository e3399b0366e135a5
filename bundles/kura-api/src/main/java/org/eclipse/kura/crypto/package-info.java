/**
 * Kura's cryptography service, exported by Kura's API bundle at version 1.3.0 (unchanged from Kura 5.0 to 6.0).
 */
@Export
@Version("1.3.0")
package org.eclipse.kura.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
