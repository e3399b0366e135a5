package org.assure.bootstrap.internal.coap;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;

/** The Californium configuration the bootstrap client uses, built without touching the file system. */
public final class CoapSetup {
    /** Largest body accepted through block-wise transfer: an image holds a payload of up to 1 MiB (PROFILE §1). */
    public static final int MAX_BODY = 2 * 1024 * 1024;

    private CoapSetup() {
    }

    public static Configuration configuration() {
        CoapConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_BODY);
        return config;
    }
}
