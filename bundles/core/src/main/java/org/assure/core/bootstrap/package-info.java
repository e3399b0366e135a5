/**
 * Bootstrap images (draft §15, PROFILE §5): building and signing them on the management side, and opening them
 * on the device side with the ordered checks of PROFILE §5 — without side effects; applying the result belongs
 * to the keystore and channel manager.
 */
@Export
@Version("1.0.0")
package org.assure.core.bootstrap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
