/**
 * The channel manager's service API: channel definitions (draft §10.1.6–10.1.12), their state (PROFILE §2), a
 * staging transaction so a bootstrap can apply channel changes together with the keystore's, and the hooks the
 * bootstrap client implements (goodbye, bootstrap trigger).
 */
@Export
@Version("1.1.0")
package org.assure.channels;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
