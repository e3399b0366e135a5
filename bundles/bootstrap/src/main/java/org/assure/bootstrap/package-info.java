/**
 * The bootstrap client's service API (draft §9.4, §11.3, §11.4, §15; PROFILE §5): its status, a way to start a
 * bootstrap, listeners for bootstrap outcomes and presence results (the Kura integration publishes them as cloud
 * events), and the {@link org.assure.bootstrap.ManagementChannelClient} SPI through which presence, goodbye and
 * timestamp requests travel over the management channels.
 */
@Export
@Version("1.0.0")
package org.assure.bootstrap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
