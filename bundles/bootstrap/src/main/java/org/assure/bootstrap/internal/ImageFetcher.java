package org.assure.bootstrap.internal;

import java.net.InetSocketAddress;
import java.util.UUID;

/** Fetches this device's bootstrap image ({@code GET /v1/devices/<uuid>/bootstrap}, draft §9.4.1). */
public interface ImageFetcher {
    /**
     * @throws FetchException if the server cannot be reached or does not answer {@code 2.05}
     */
    FetchedImage fetch(InetSocketAddress server, UUID deviceId) throws FetchException;
}
