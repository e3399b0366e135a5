package org.assure.bootstrap.internal;

import org.assure.channels.ChannelStaging;
import org.assure.keystore.KeystoreTransaction;

/**
 * The local Device Management API as a bootstrap replays into it (PROFILE §5): every privilege, key changes into
 * {@code keys}, channel changes into {@code channels}, channels created there bootstrap-defined.
 */
public interface ReplayTarget {
    /** @return the CoAP response code byte ({@code class << 5 | detail}) */
    int replay(ReplayRequest request, KeystoreTransaction keys, ChannelStaging channels);
}
