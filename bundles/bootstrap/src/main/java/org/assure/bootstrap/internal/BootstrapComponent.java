package org.assure.bootstrap.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.BootstrapService;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.bootstrap.ManagementChannelClient;
import org.assure.bootstrap.internal.coap.CoapImageFetcher;
import org.assure.bootstrap.internal.coap.CoapMessageDecoder;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.ChannelListener;
import org.assure.channels.ChannelManager;
import org.assure.channels.DeviceManagement;
import org.assure.channels.GoodbyeHook;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.model.ChannelState;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.SimpleTimestamp;
import org.assure.dtls.DtlsConfig;
import org.assure.keystore.Keystore;
import org.assure.keystore.TrustedTime;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrap client as a DS component: bootstraps on first start (no management channel defined) and when
 * triggered ({@code PUT /v1/bootstrap} through {@link BootstrapTrigger}, or {@link BootstrapService#bootstrapNow});
 * says presence when a management channel opens and goodbye before reboot, shutdown and bootstrap
 * ({@link GoodbyeHook}); provides trusted time to the keystore ({@link TrustedTime}).
 *
 * <p>The component is immediate: a gateway bootstraps on first start whether or not anything uses its services.
 * The services other components bind dynamically — the channel manager's whiteboard ({@link BootstrapTrigger},
 * {@link GoodbyeHook}, {@link ChannelListener}) and the keystore's {@link TrustedTime} — are registered by the
 * component itself once it is constructed, not declared to DS: this component needs the channel manager and the
 * keystore, and as DS services they would have DS activate it from inside their activation — a circle Felix SCR
 * breaks by never binding them (found with the standalone gateway: no presence, {@code PUT /v1/bootstrap} 5.03).
 */
@Component(name = BootstrapComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {BootstrapService.class, ConfigurableComponent.class},
        property = {"service.pid=" + BootstrapComponent.PID, "kura.service.pid=" + BootstrapComponent.PID})
@Designate(ocd = BootstrapConfig.class)
public final class BootstrapComponent implements BootstrapService, BootstrapTrigger, GoodbyeHook, TrustedTime,
        ChannelListener, ConfigurableComponent {
    /** Component name = configuration PID = OCD id (Kura's rule). */
    public static final String PID = "org.assure.bootstrap";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapComponent.class);

    private final Listeners listeners = new Listeners();
    private final ExecutorScheduler scheduler = new ExecutorScheduler("assure-bootstrap");
    private final TrustedClock trustedClock = new TrustedClock(Clock.systemUTC());
    private final BootstrapClient client;
    private final GoodbyeSender goodbye;
    private final PresenceAgent presence;
    private final ManagementChannelClient ownChannels;
    private volatile ManagementChannelClient channelClient;
    private final ServiceRegistration<?> whiteboard;

    @Activate
    public BootstrapComponent(BootstrapConfig config, BundleContext context, @Reference Keystore keystore,
            @Reference ChannelManager channels, @Reference DeviceManagement management) {
        BootstrapSettings settings = BootstrapSettings.of(config);
        ownChannels = new ChannelManagerClient(channels);
        SecureRandom random = new SecureRandom();
        DtlsConfig dtls = DtlsConfig.builder().handshakeTimeout(settings.handshakeTimeout()).build();
        ImageFetcher fetcher = new CoapImageFetcher(keystore.credentials()::bootstrap, settings.bindAddress(), dtls,
                settings.requestTimeout(), random);
        ImageApplier applier = new ImageApplier(keystore, channels, new DeviceManagementReplay(management),
                new CoapMessageDecoder(), trustedClock::now);
        goodbye = new GoodbyeSender(keystore::deviceId, channels, this::channelClient);
        presence = new PresenceAgent(() -> deviceInfo(management, keystore), this::channelClient, trustedClock,
                Clock.systemUTC(), listeners);
        ServerLocator locator = ServerLocator.of(settings.serverHost(), settings.serverPort(),
                keystore.trustAnchors().bootstrapServerId(), settings.serverDomainSuffix());
        client = new BootstrapClient(locator, keystore::deviceId, fetcher, applier, goodbye,
                settings.goodbyeTimeout(), new Backoff(settings.retryInitial(), settings.retryMax(),
                        settings.retryJitter(), random), scheduler, Clock.systemUTC(), listeners);
        // Before the first bootstrap: its management channel opening is what triggers presence.
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("component.name", PID);
        whiteboard = context.registerService(new String[] {BootstrapTrigger.class.getName(), GoodbyeHook.class.getName(),
            ChannelListener.class.getName(), TrustedTime.class.getName()}, this, properties);
        if (settings.autoBootstrap() && !ManagementChannels.anyDefined(channels)) {
            client.startFirstBootstrap();
        }
    }

    /**
     * The device information the channel manager serves at {@code GET /v1/info} (draft §10.1.17), so that presence
     * and info agree; the bare device id if it cannot be read.
     */
    private static DeviceInfo deviceInfo(DeviceManagement management, Keystore keystore) {
        ManagementResponse response = management.handle(ManagementRequest.of(ManagementMethod.GET, "v1", "info"),
                new ManagementContext(Set.of(), OptionalLong.empty(), Optional.empty(), Optional.empty()));
        if (response.status().isSuccess()) {
            try {
                DeviceInfo info = DeviceInfoCodec.decode(response.payload().toByteArray());
                if (info.deviceId().equals(keystore.deviceId())) {
                    return info;
                }
            } catch (CborDecodeException e) {
                LOG.warn("The local device information does not decode; presence carries the device id only");
            }
        }
        return DeviceInfo.of(keystore.deviceId());
    }

    @Deactivate
    void deactivate() {
        try {
            whiteboard.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        client.close();
        scheduler.close();
    }

    /** A registered client if any, else the channel manager's own sessions. */
    private Optional<ManagementChannelClient> channelClient() {
        ManagementChannelClient registered = channelClient;
        return Optional.of(registered != null ? registered : ownChannels);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindChannelClient(ManagementChannelClient value) {
        channelClient = value;
    }

    void unbindChannelClient(ManagementChannelClient value) {
        if (channelClient == value) {
            channelClient = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(BootstrapListener listener) {
        listeners.add(listener);
    }

    void unbindListener(BootstrapListener listener) {
        listeners.remove(listener);
    }

    // ---- services ----

    @Override
    public BootstrapStatus status() {
        return client.status();
    }

    @Override
    public void bootstrapNow(GoodbyeReason reason) {
        client.bootstrapNow(reason);
    }

    @Override
    public void bootstrapSoon(GoodbyeReason reason) {
        client.bootstrapSoon(reason);
    }

    @Override
    public void addListener(BootstrapListener listener) {
        client.addListener(listener);
    }

    @Override
    public void removeListener(BootstrapListener listener) {
        client.removeListener(listener);
    }

    @Override
    public void goodbye(GoodbyeReason reason, Duration timeout) {
        goodbye.goodbye(reason, timeout);
    }

    @Override
    public Optional<SimpleTimestamp> now() {
        return trustedClock.now();
    }

    @Override
    public void channelChanged(ManagedChannel channel, Optional<ChannelState> previous, boolean deleted) {
        presence.channelChanged(channel, previous, deleted);
    }
}
