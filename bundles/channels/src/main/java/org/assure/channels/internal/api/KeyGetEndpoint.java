package org.assure.channels.internal.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.KeyListCodec;
import org.assure.core.model.KeyListEntry;
import org.assure.keystore.KeyInfo;

/**
 * {@code GET /v1/keys/<uuid>} (draft §10.1.3): 2.05 with the authenticated key, its private part masked as in the
 * key list ({@code PRESENT}); 4.04 if absent. Trust anchors have no authenticated form and answer 4.04 too.
 */
final class KeyGetEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.GET;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.KEY_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException {
        call.expectNoPayload();
        Optional<KeyListEntry> entry = call.keys().key(call.key()).flatMap(KeyInfo::listEntry);
        if (entry.isEmpty()) {
            throw new ApiException(ManagementStatus.NOT_FOUND, StatusMapping.diagnostic(ManagementStatus.NOT_FOUND));
        }
        // core's key-list codec owns the PRESENT masking; a one-entry array is 0x81 followed by the entry
        byte[] list = KeyListCodec.encode(List.of(entry.get()));
        return Outcome.of(ManagementResponse.cbor(ManagementStatus.CONTENT, Arrays.copyOfRange(list, 1,
                list.length)));
    }
}
