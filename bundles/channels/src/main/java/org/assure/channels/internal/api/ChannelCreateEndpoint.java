package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.ChannelIdCodec;
import org.assure.core.error.AssureException;
import org.assure.core.model.ChannelConfiguration;

/**
 * {@code PUT /v1/channels} (draft §10.1.6) and {@code PUT /v1/channels/<id>} (§10.1.7): 2.01 with the channel id
 * as a CBOR integer; 4.09 if the given id exists; 4.13 if there is no room.
 */
final class ChannelCreateEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.PUT;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.CHANNEL_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException, AssureException {
        ChannelConfiguration configuration;
        try {
            configuration = ChannelConfigurationCodec.decode(call.cborPayload());
        } catch (CborDecodeException | IllegalArgumentException e) {
            throw ApiException.badRequest();
        }
        long id;
        if (call.channelId().isPresent()) {
            id = call.channel();
            call.channels().create(id, configuration);
        } else {
            id = call.channels().create(configuration);
        }
        return Outcome.of(ManagementResponse.cbor(ManagementStatus.CREATED, ChannelIdCodec.encode(id)));
    }
}
