/**
 * Kura's configuration API, exported by Kura's API bundle at version 1.2.0 (unchanged from Kura 5.0 to 6.0).
 * <p>
 * Stand-in subset: only {@link org.eclipse.kura.configuration.ConfigurableComponent}, the service interface by
 * which Kura's configuration service finds components to show and configure.
 */
@Export
@Version("1.2.0")
package org.eclipse.kura.configuration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
