package org.assure.kura.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The validated configuration of {@link CloudRequestHandler}, without the token (which stays encrypted until use,
 * see {@link RequestToken}).
 *
 * @param appId         the application id the handler registers under
 * @param remoteChanges whether requests that change something are allowed
 */
record RequestSettings(String appId, boolean remoteChanges) {
    /** Kura app ids become a topic level: no '/', '+', '#' and no surprises. */
    static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    RequestSettings {
        Objects.requireNonNull(appId, "appId");
        if (!APP_ID.matcher(appId).matches()) {
            throw new IllegalArgumentException("app.id must be 1..64 letters, digits, '_' or '-'");
        }
    }

    static RequestSettings from(CloudRequestHandlerConfig config) {
        return new RequestSettings(config.app_id(), config.remote_changes());
    }
}
