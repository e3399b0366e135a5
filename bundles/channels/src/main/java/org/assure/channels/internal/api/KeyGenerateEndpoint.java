package org.assure.channels.internal.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.error.AssureException;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.GenerateKeyType;

/**
 * {@code POST /v1/keys/generate?type=<key_type>&persistent=<boolean>} (draft §10.1.2): 2.01 with the new
 * authenticated key (public form), 4.13 full, 5.01 unsupported type. {@code type} is required;
 * {@code persistent} is {@code true} or {@code false} and defaults to false (RAM only).
 */
final class KeyGenerateEndpoint implements Endpoint {
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,9}");

    @Override
    public ManagementMethod method() {
        return ManagementMethod.POST;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.KEY_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException, AssureException {
        call.expectNoPayload();
        Map<String, String> query = new HashMap<>();
        for (String item : call.request().query()) {
            int eq = item.indexOf('=');
            if (eq < 0 || query.put(item.substring(0, eq), item.substring(eq + 1)) != null) {
                throw ApiException.badRequest(); // no value, or a parameter given twice
            }
        }
        String type = query.remove("type");
        String persistent = query.remove("persistent");
        if (type == null || !query.isEmpty() || !NUMBER.matcher(type).matches()) {
            throw ApiException.badRequest();
        }
        boolean keep;
        if (persistent == null || persistent.equals("false")) {
            keep = false;
        } else if (persistent.equals("true")) {
            keep = true;
        } else {
            throw ApiException.badRequest();
        }
        GenerateKeyType keyType;
        try {
            keyType = GenerateKeyType.fromCode(Long.parseLong(type));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ManagementStatus.NOT_IMPLEMENTED, "unsupported key type");
        }
        AuthenticatedKey generated = call.keys().generateKey(keyType, keep);
        // the response never carries the private part, whatever the keystore hands back
        AuthenticatedKey shown = generated.key() instanceof AsymmetricKey asymmetric
                ? new AuthenticatedKey(generated.identityClass(), asymmetric.publicOnly(), generated.metadata(),
                        generated.signature())
                : generated;
        return Outcome.of(ManagementResponse.cbor(ManagementStatus.CREATED, AuthenticatedKeyCodec.encode(shown)));
    }
}
