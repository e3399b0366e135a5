/**
 * The aSSURE authority: the Trusted Authority of draft §9 (identity service, Manufacturer, Owner and Bootstrap
 * APIs) and the management server of draft §11, §13 and §15.2, runnable standalone or inside OSGi.
 */
@Export
@Version("1.2.0")
package org.assure.authority;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
