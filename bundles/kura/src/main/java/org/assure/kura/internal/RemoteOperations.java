package org.assure.kura.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.assure.bootstrap.BootstrapService;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagedChannel;
import org.assure.core.error.AssureException;
import org.assure.core.model.ChannelStatus;
import org.assure.core.model.GoodbyeReason;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeystoreView;
import org.assure.kura.internal.Replies.Failure;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.request.RequestHandlerMessageConstants;
import org.eclipse.kura.message.KuraPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote operations (docs/kura-events.md), independent of DS: a verb and the resource path in, a reply out.
 * Every check happens before anything is changed, so a refused request changes nothing.
 *
 * <pre>
 * GET  channels                 every channel
 * GET  channels/&lt;id&gt;            one channel
 * EXEC channels/&lt;id&gt;/open       ask the channel manager to open it (it will try; watch the state)
 * EXEC channels/&lt;id&gt;/close      ask it to close it
 * GET  bootstrap                the bootstrap client's phase and last outcome
 * EXEC bootstrap                start a bootstrap (goodbye reason: bootstrap by local control)
 * GET  keys                     every key: ids, kinds and flags, never key material
 * </pre>
 */
final class RemoteOperations {
    /** Request metric with the shared token, when one is configured. */
    static final String TOKEN_METRIC = "request.token";
    /** Reply metric: number of channels listed (Integer). */
    static final String CHANNEL_COUNT = "channel.count";
    /** Reply metric: the listed channel ids, ascending, comma-separated (String). */
    static final String CHANNEL_IDS = "channel.ids";
    /** Reply metric: number of keys listed (Integer). */
    static final String KEY_COUNT = "key.count";
    /** Reply metric: the listed key UUIDs in keystore order, comma-separated (String). */
    static final String KEY_IDS = "key.ids";
    /** Reply metric: this device's UUID (String). */
    static final String DEVICE_ID = "device.id";
    /** Reply metric: the bootstrap client's phase, {@code IDLE}, {@code RUNNING}, {@code WAITING_TO_RETRY} (String). */
    static final String BOOTSTRAP_PHASE = "bootstrap.phase";
    /** Reply metric: when the next attempt starts, milliseconds since 1970 UTC (Long), while waiting to retry. */
    static final String BOOTSTRAP_NEXT_ATTEMPT = "bootstrap.next.attempt";
    /** Reply metric: when the last attempt ended, milliseconds since 1970 UTC (Long). */
    static final String BOOTSTRAP_LAST_AT = "bootstrap.last.at";
    /** Reply metric: a bootstrap was scheduled (Boolean true). */
    static final String BOOTSTRAP_SCHEDULED = "bootstrap.scheduled";

    /** The request verbs of Kura's cloud connection. */
    enum Verb {
        GET, PUT, POST, DEL, EXEC
    }

    private static final Logger LOG = LoggerFactory.getLogger(RemoteOperations.class);
    private static final String CHANNELS = "channels";
    private static final String BOOTSTRAP = "bootstrap";
    private static final String KEYS = "keys";

    private final RequestSettings settings;
    private final RequestToken token;
    private final Supplier<Optional<ChannelManager>> channelManager;
    private final Supplier<Optional<BootstrapService>> bootstrapService;
    private final Supplier<Optional<? extends KeystoreView>> keystore;
    private final Clock clock;

    RemoteOperations(RequestSettings settings, RequestToken token, Supplier<Optional<ChannelManager>> channelManager,
            Supplier<Optional<BootstrapService>> bootstrapService, Supplier<Optional<? extends KeystoreView>> keystore,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.token = Objects.requireNonNull(token, "token");
        this.channelManager = Objects.requireNonNull(channelManager, "channelManager");
        this.bootstrapService = Objects.requireNonNull(bootstrapService, "bootstrapService");
        this.keystore = Objects.requireNonNull(keystore, "keystore");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Answers one request; never throws. */
    KuraMessage handle(Verb verb, KuraMessage request) {
        try {
            admit(request);
            return Replies.ok(route(verb, path(request)), clock.instant());
        } catch (Failure failure) {
            LOG.debug("remote {} refused with {}", verb, failure.code());
            return Replies.error(failure, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("remote {} failed", verb, e);
            return Replies.error(new Failure(Replies.INTERNAL_ERROR, "internal error"), clock.instant());
        }
    }

    private void admit(KuraMessage request) throws Failure {
        if (request == null || request.getPayload() == null) {
            throw new Failure(Replies.BAD_REQUEST, "missing request payload");
        }
        try {
            if (!token.admits(request.getPayload().getMetric(TOKEN_METRIC))) {
                throw new Failure(Replies.FORBIDDEN, "request token missing or wrong");
            }
        } catch (KuraException e) {
            // the operator must act: the configured token cannot be decrypted with this gateway's key
            LOG.error("request token cannot be decrypted ({}); refusing remote requests", e.getCode());
            throw new Failure(Replies.INTERNAL_ERROR, "request token cannot be decrypted");
        }
    }

    private static List<String> path(KuraMessage request) throws Failure {
        Object args = request.getProperties().get(RequestHandlerMessageConstants.ARGS_KEY.value());
        if (!(args instanceof List<?> items)) {
            throw new Failure(Replies.BAD_REQUEST, "missing resource path");
        }
        for (Object item : items) {
            if (!(item instanceof String)) {
                throw new Failure(Replies.BAD_REQUEST, "malformed resource path");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> strings = (List<String>) items;
        return List.copyOf(strings);
    }

    private KuraPayload route(Verb verb, List<String> path) throws Failure {
        if (path.size() == 1 && path.get(0).equals(CHANNELS)) {
            expect(verb, Verb.GET);
            return listChannels();
        }
        if (path.size() == 2 && path.get(0).equals(CHANNELS)) {
            expect(verb, Verb.GET);
            return describe(channels(), channelId(path.get(1)));
        }
        if (path.size() == 3 && path.get(0).equals(CHANNELS)
                && (path.get(2).equals("open") || path.get(2).equals("close"))) {
            expect(verb, Verb.EXEC);
            return openOrClose(channelId(path.get(1)), path.get(2).equals("open"));
        }
        if (path.size() == 1 && path.get(0).equals(BOOTSTRAP)) {
            if (verb == Verb.GET) {
                return bootstrapStatus();
            }
            expect(verb, Verb.EXEC);
            return bootstrap();
        }
        if (path.size() == 1 && path.get(0).equals(KEYS)) {
            expect(verb, Verb.GET);
            return listKeys();
        }
        throw new Failure(Replies.NOT_FOUND, "unknown resource");
    }

    private static void expect(Verb verb, Verb wanted) throws Failure {
        if (verb != wanted) {
            throw new Failure(Replies.METHOD_NOT_ALLOWED, "method not allowed on this resource");
        }
    }

    /** Channel ids are decimal 0..2^32-1 (PROFILE-ADDITIONS §4); no signs, spaces or leading zeros. */
    static long channelId(String text) throws Failure {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new Failure(Replies.BAD_REQUEST, "malformed channel id");
        }
        long id = Long.parseLong(text);
        if (id > ChannelStatus.MAX_CHANNEL_ID) {
            throw new Failure(Replies.BAD_REQUEST, "malformed channel id");
        }
        return id;
    }

    private ChannelManager channels() throws Failure {
        return channelManager.get()
                .orElseThrow(() -> new Failure(Replies.UNAVAILABLE, "channel manager not available"));
    }

    private KuraPayload listChannels() throws Failure {
        List<ManagedChannel> all = channels().channels();
        KuraPayload payload = new KuraPayload();
        StringJoiner ids = new StringJoiner(",");
        for (ManagedChannel channel : all) {
            ids.add(Long.toString(channel.id()));
            ChannelMetrics.add(payload, EventPayloads.CHANNEL_PREFIX + channel.id() + ".", channel);
        }
        payload.addMetric(CHANNEL_COUNT, all.size());
        payload.addMetric(CHANNEL_IDS, ids.toString());
        return payload;
    }

    private static KuraPayload describe(ChannelManager manager, long id) throws Failure {
        ManagedChannel channel = manager.channel(id)
                .orElseThrow(() -> new Failure(Replies.NOT_FOUND, "no such channel"));
        KuraPayload payload = new KuraPayload();
        ChannelMetrics.add(payload, EventPayloads.CHANNEL_PREFIX, channel);
        return payload;
    }

    private KuraPayload listKeys() throws Failure {
        KeystoreView view = keystore.get()
                .orElseThrow(() -> new Failure(Replies.UNAVAILABLE, "keystore not available"));
        List<KeyInfo> keys = view.keys();
        KuraPayload payload = new KuraPayload();
        StringJoiner ids = new StringJoiner(",");
        for (KeyInfo key : keys) {
            ids.add(key.keyId().toString());
            KeyMetrics.add(payload, EventPayloads.KEY_PREFIX + key.keyId() + ".", key);
        }
        payload.addMetric(DEVICE_ID, view.deviceId().toString());
        payload.addMetric(KEY_COUNT, keys.size());
        payload.addMetric(KEY_IDS, ids.toString());
        return payload;
    }

    private KuraPayload openOrClose(long id, boolean open) throws Failure {
        changesAllowed();
        ChannelManager manager = channels();
        try {
            if (open) {
                manager.open(id);
            } else {
                manager.close(id);
            }
        } catch (AssureException e) {
            throw failure(e);
        }
        LOG.info("remote request: {} channel {}", open ? "open" : "close", id);
        return describe(manager, id);
    }

    private BootstrapService bootstrapClient() throws Failure {
        return bootstrapService.get()
                .orElseThrow(() -> new Failure(Replies.UNAVAILABLE, "bootstrap client not available"));
    }

    private KuraPayload bootstrap() throws Failure {
        changesAllowed();
        BootstrapService client = bootstrapClient();
        // the request comes from the gateway's operator through Kura, not from an aSSURE management system
        client.bootstrapNow(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
        LOG.info("remote request: bootstrap");
        KuraPayload payload = new KuraPayload();
        payload.addMetric(BOOTSTRAP_SCHEDULED, true);
        return payload;
    }

    private KuraPayload bootstrapStatus() throws Failure {
        BootstrapStatus status = bootstrapClient().status();
        KuraPayload payload = new KuraPayload();
        payload.addMetric(BOOTSTRAP_PHASE, status.phase().name());
        status.nextAttempt().ifPresent(next -> payload.addMetric(BOOTSTRAP_NEXT_ATTEMPT, next.toEpochMilli()));
        status.last().ifPresent(last -> {
            payload.addMetric(BOOTSTRAP_LAST_AT, last.at().toEpochMilli());
            EventPayloads.addBootstrap(payload, last);
        });
        return payload;
    }

    private void changesAllowed() throws Failure {
        if (!settings.remoteChanges()) {
            throw new Failure(Replies.FORBIDDEN, "remote changes are disabled");
        }
    }

    private static Failure failure(AssureException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> new Failure(Replies.NOT_FOUND, "no such channel");
            case FORBIDDEN -> new Failure(Replies.FORBIDDEN, "not allowed");
            case CONFLICT -> new Failure(Replies.CONFLICT, "conflict");
            case UNAVAILABLE -> new Failure(Replies.UNAVAILABLE, "busy, try again later");
            case MALFORMED -> new Failure(Replies.BAD_REQUEST, "bad request");
            default -> new Failure(Replies.INTERNAL_ERROR, "internal error");
        };
    }
}
