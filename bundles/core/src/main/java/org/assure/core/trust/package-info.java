/**
 * Trust decisions of the aSSURE core: which keys are trusted, the draft's five checks for authenticated keys
 * (§7.4) with the permission matrix and time rule of PROFILE §3, derived secrets (PROFILE §4), and producing
 * signatures. No I/O and no state beyond what callers pass in.
 */
@Export
@Version("1.0.0")
package org.assure.core.trust;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
