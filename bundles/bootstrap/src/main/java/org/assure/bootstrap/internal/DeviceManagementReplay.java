package org.assure.bootstrap.internal;

import java.util.Objects;
import org.assure.channels.ChannelStaging;
import org.assure.channels.DeviceManagement;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.keystore.KeystoreTransaction;

/**
 * Replays a bootstrap message through the channel manager's Device Management API in process, with every
 * privilege and changes going into the bootstrap's keystore transaction and channel staging
 * ({@link ManagementContext#bootstrap}).
 */
final class DeviceManagementReplay implements ReplayTarget {
    private final DeviceManagement api;

    DeviceManagementReplay(DeviceManagement api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public int replay(ReplayRequest request, KeystoreTransaction keys, ChannelStaging channels) {
        ManagementMethod method = switch (request.method()) {
            case 1 -> ManagementMethod.GET;
            case 2 -> ManagementMethod.POST;
            case 3 -> ManagementMethod.PUT;
            default -> ManagementMethod.DELETE;
        };
        ManagementResponse response = api.handle(new ManagementRequest(method, request.path(), request.query(),
                request.contentFormat(), request.payload()), ManagementContext.bootstrap(keys, channels));
        return response.status().code();
    }
}
