package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.core.error.AssureException;

/** One endpoint of draft §10.1 (one method on one path pattern). */
interface Endpoint {
    ManagementMethod method();

    /** The privilege the requesting channel needs; empty for ping and info (§10.1.16–10.1.17). */
    Optional<ChannelPrivilege> privilege();

    /**
     * Handles a request that passed routing and the privilege check.
     *
     * @throws ApiException    for a response the endpoint decides (4.00, 4.15, ...)
     * @throws AssureException from the keystore or channel manager, mapped by {@link StatusMapping}
     */
    Outcome handle(Call call) throws ApiException, AssureException;
}
