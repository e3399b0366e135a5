package org.assure.channels.internal.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.assure.channels.ChannelManager;
import org.assure.channels.DeviceManagement;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.channels.internal.Scheduler;
import org.assure.core.error.AssureException;
import org.assure.core.model.ChannelStatus;
import org.assure.keystore.KeyOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Device Management API (draft §10.1): routes a request to its endpoint, checks the requesting channel's
 * privilege (4.01 before the payload is even looked at), and maps failures to response codes. Unknown paths answer
 * 4.04, known paths with another method 4.05.
 */
public final class ManagementApi implements DeviceManagement {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementApi.class);
    private static final Logger DROPS = LoggerFactory.getLogger("org.assure.channels.drops");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CHANNEL_ID = Pattern.compile("0|[1-9][0-9]{0,9}");
    /** Lets the 2.04 leave before a reboot, shutdown or bootstrap starts. */
    static final Duration ACTION_DELAY = Duration.ofMillis(200);

    private record Route(Endpoint endpoint, Optional<UUID> keyId, OptionalLong channelId) {
    }

    private final KeyOperations keystore;
    private final ChannelManager manager;
    private final SystemControl system;
    private final Scheduler scheduler;
    private final Executor actions;
    private final int maxPing;

    private final Endpoint keyList = new KeyListEndpoint();
    private final Endpoint keyGenerate = new KeyGenerateEndpoint();
    private final Endpoint keyPut = new KeyPutEndpoint();
    private final Endpoint keyGet = new KeyGetEndpoint();
    private final Endpoint keyDelete = new KeyDeleteEndpoint();
    private final Endpoint channelList = new ChannelListEndpoint();
    private final Endpoint channelCreate = new ChannelCreateEndpoint();
    private final Endpoint channelGet = new ChannelGetEndpoint();
    private final Endpoint channelDelete = new ChannelDeleteEndpoint();
    private final Endpoint channelOpen = new ChannelOpenEndpoint(true);
    private final Endpoint channelClose = new ChannelOpenEndpoint(false);
    private final Endpoint reboot = new SystemEndpoint(SystemEndpoint.Action.REBOOT);
    private final Endpoint shutdown = new SystemEndpoint(SystemEndpoint.Action.SHUTDOWN);
    private final Endpoint bootstrap = new SystemEndpoint(SystemEndpoint.Action.BOOTSTRAP);
    private final Endpoint ping = new PingEndpoint();
    private final Endpoint info = new InfoEndpoint();

    /**
     * @param keystore  the keystore, for requests outside a bootstrap
     * @param manager   the channel manager
     * @param system    system actions and device information
     * @param scheduler delays the post-response actions
     * @param maxPing   the most payload bytes ping echoes (1..65535)
     */
    public ManagementApi(KeyOperations keystore, ChannelManager manager, SystemControl system, Scheduler scheduler,
            int maxPing) {
        this(keystore, manager, system, scheduler, ManagementApi::onOwnThread, maxPing);
    }

    /** As above, with the executor that runs post-response actions (tests run them inline). */
    public ManagementApi(KeyOperations keystore, ChannelManager manager, SystemControl system, Scheduler scheduler,
            Executor actions, int maxPing) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.keystore = Objects.requireNonNull(keystore, "keystore");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.system = Objects.requireNonNull(system, "system");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (maxPing < 1 || maxPing > 65535) {
            throw new IllegalArgumentException("maxPing must be 1..65535");
        }
        this.maxPing = maxPing;
    }

    @Override
    public ManagementResponse handle(ManagementRequest request, ManagementContext context) {
        Outcome outcome = dispatch(request, context);
        afterResponse(outcome);
        return outcome.response();
    }

    /**
     * Runs the outcome's post-response action (reboot, shutdown, bootstrap) shortly after the response left, on
     * its own thread: goodbye hooks may block for their timeout and must not stall the channels' scheduler.
     */
    public void afterResponse(Outcome outcome) {
        outcome.afterResponse().ifPresent(action -> scheduler.schedule(() -> actions.execute(action), ACTION_DELAY));
    }

    /**
     * Handles a request and returns the response with the action to run once it is sent (the CoAP resource runs
     * it after {@code respond}).
     */
    public Outcome dispatch(ManagementRequest request, ManagementContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        try {
            Route route = route(request);
            Endpoint endpoint = route.endpoint();
            if (endpoint.method() != request.method()) {
                return Outcome.of(StatusMapping.error(ManagementStatus.METHOD_NOT_ALLOWED));
            }
            if (endpoint.privilege().isPresent() && !context.privileges().contains(endpoint.privilege().get())) {
                LOG.debug("channel {} lacks {} for {} {}", context.channelId(), endpoint.privilege().get(),
                        request.method(), request.path());
                return Outcome.of(StatusMapping.error(ManagementStatus.UNAUTHORIZED));
            }
            KeyOperations keys = context.keys().orElse(keystore);
            ChannelOps channels = context.channels().map(staging -> ChannelOps.staged(staging, manager))
                    .orElseGet(() -> ChannelOps.direct(manager));
            Call call = new Call(request, route.keyId(), route.channelId(), keys, channels, manager, system, maxPing);
            Outcome outcome = endpoint.handle(call);
            LOG.debug("channel {}: {} {} -> {}", context.channelId(), request.method(), request.path(),
                    outcome.response().status().text());
            return outcome;
        } catch (ApiException e) {
            if (e.status() == ManagementStatus.BAD_REQUEST) {
                DROPS.debug("malformed request on channel {}: {} {}", context.channelId(), request.method(),
                        request.path());
            }
            return Outcome.of(ManagementResponse.error(e.status(), e.getMessage()));
        } catch (AssureException e) {
            ManagementStatus status = StatusMapping.status(e.kind());
            LOG.debug("channel {}: {} {} -> {} ({})", context.channelId(), request.method(), request.path(),
                    status.text(), e.kind());
            return Outcome.of(StatusMapping.error(status));
        } catch (RuntimeException e) {
            LOG.warn("Device Management API request {} {} failed", request.method(), request.path(), e);
            return Outcome.of(StatusMapping.error(ManagementStatus.INTERNAL_SERVER_ERROR));
        }
    }

    private static void onOwnThread(Runnable action) {
        Thread thread = new Thread(action, "assure-system-action");
        thread.setDaemon(true);
        thread.start();
    }

    private Route route(ManagementRequest request) throws ApiException {
        List<String> p = request.path();
        if (p.size() < 2 || !p.get(0).equals("v1")) {
            throw notFound();
        }
        String resource = p.get(1);
        int rest = p.size() - 2;
        switch (resource) {
            case "keys":
                if (rest == 0) {
                    return new Route(keyList, Optional.empty(), OptionalLong.empty());
                }
                if (rest == 1 && p.get(2).equals("generate")) {
                    return new Route(keyGenerate, Optional.empty(), OptionalLong.empty());
                }
                if (rest == 1 && UUID_TEXT.matcher(p.get(2)).matches()) {
                    Optional<UUID> id = Optional.of(UUID.fromString(p.get(2)));
                    Endpoint e = switch (request.method()) {
                        case PUT -> keyPut;
                        case DELETE -> keyDelete;
                        default -> keyGet;
                    };
                    return new Route(e, id, OptionalLong.empty());
                }
                throw notFound();
            case "channels":
                if (rest == 0) {
                    return new Route(request.method() == ManagementMethod.PUT ? channelCreate : channelList,
                            Optional.empty(), OptionalLong.empty());
                }
                OptionalLong id = channelId(p.get(2));
                if (rest == 1) {
                    Endpoint e = switch (request.method()) {
                        case PUT -> channelCreate;
                        case DELETE -> channelDelete;
                        default -> channelGet;
                    };
                    return new Route(e, Optional.empty(), id);
                }
                if (rest == 2 && p.get(3).equals("open")) {
                    return new Route(channelOpen, Optional.empty(), id);
                }
                if (rest == 2 && p.get(3).equals("close")) {
                    return new Route(channelClose, Optional.empty(), id);
                }
                throw notFound();
            default:
                if (rest != 0) {
                    throw notFound();
                }
                return new Route(switch (resource) {
                    case "reboot" -> reboot;
                    case "shutdown" -> shutdown;
                    case "bootstrap" -> bootstrap;
                    case "ping" -> ping;
                    case "info" -> info;
                    default -> throw notFound();
                }, Optional.empty(), OptionalLong.empty());
        }
    }

    private static OptionalLong channelId(String text) throws ApiException {
        if (!CHANNEL_ID.matcher(text).matches()) {
            throw notFound();
        }
        long id = Long.parseLong(text);
        if (id > ChannelStatus.MAX_CHANNEL_ID) {
            throw notFound();
        }
        return OptionalLong.of(id);
    }

    private static ApiException notFound() {
        return new ApiException(ManagementStatus.NOT_FOUND, StatusMapping.diagnostic(ManagementStatus.NOT_FOUND));
    }
}
