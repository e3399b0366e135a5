/**
 * Receiving messages from a cloud connection, exported by Kura's API bundle at version 1.0.0 (unchanged from
 * Kura 5.0 to 6.0).
 */
@Export
@Version("1.0.0")
package org.eclipse.kura.cloudconnection.subscriber;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
