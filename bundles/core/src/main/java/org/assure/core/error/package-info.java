/** Transport-neutral error reporting of the aSSURE core. */
@Export
@Version("1.0.0")
package org.assure.core.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
