package org.assure.channels.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.ChannelListener;
import org.assure.channels.ChannelManager;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelStaging;
import org.assure.channels.DeleteOutcome;
import org.assure.channels.DeviceManagement;
import org.assure.channels.GoodbyeHook;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.internal.api.ManagementApi;
import org.assure.channels.internal.coap.DtlsChannels;
import org.assure.channels.internal.system.HostSystemControl;
import org.assure.core.error.AssureException;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.DeviceInfo;
import org.assure.core.transport.ChannelTransport;
import org.assure.dtls.DtlsConfig;
import org.assure.keystore.Keystore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.eclipse.kura.configuration.ConfigurableComponent;
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
 * The channel manager and the Device Management API as OSGi services, on the keystore and on every
 * {@link ChannelTransport} service present (tracked dynamically: transports come and go).
 */
// immediate: its ports must listen for management systems even when nothing in the framework uses its services
@Component(name = ChannelServiceComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ChannelManager.class, DeviceManagement.class, ConfigurableComponent.class},
        property = {"service.pid=" + ChannelServiceComponent.PID, "kura.service.pid=" + ChannelServiceComponent.PID})
@Designate(ocd = ChannelServiceConfig.class)
public final class ChannelServiceComponent implements ChannelManager, DeviceManagement, ConfigurableComponent {
    /** Component name = configuration PID = OCD id (Kura's rule). */
    public static final String PID = "org.assure.channels";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelServiceComponent.class);

    private final List<GoodbyeHook> goodbyeHooks = new CopyOnWriteArrayList<>();
    private final List<ChannelListener> whiteboard = new CopyOnWriteArrayList<>();
    private volatile BootstrapTrigger bootstrapTrigger;
    private final ExecutorScheduler scheduler = new ExecutorScheduler("assure-channels");
    private final DtlsChannels dtls;
    private final ChannelSupervisor supervisor;
    private final ManagementApi api;

    @Activate
    public ChannelServiceComponent(ChannelServiceConfig config, BundleContext context,
            @Reference Keystore keystore) throws IOException {
        this(config, keystore, () -> restartAssure(context),
                () -> stopAssure(context));
    }

    ChannelServiceComponent(ChannelServiceConfig config, Keystore keystore, Runnable restart,
            Runnable stop) throws IOException {
        Backoff backoff = new Backoff(Duration.ofSeconds(config.retry_initial_seconds()),
                Duration.ofSeconds(Math.max(config.retry_initial_seconds(), config.retry_max_seconds())),
                config.retry_max_attempts());
        if (config.retransmission_initial_ms() >= config.handshake_timeout_seconds() * 1000L) {
            // the DTLS engine refuses it too, but without naming the properties
            throw new IllegalArgumentException("retransmission.initial.ms must be shorter than handshake.timeout.seconds");
        }
        DeviceInfo info = deviceInfo(config, keystore.deviceId());
        HostSystemControl system = new HostSystemControl(new HostSystemControl.Settings(config.reboot_action(),
                HostSystemControl.Settings.command(config.reboot_command()), config.shutdown_action(),
                HostSystemControl.Settings.command(config.shutdown_command()),
                Duration.ofSeconds(config.goodbye_timeout_seconds())),
                () -> List.copyOf(goodbyeHooks), () -> Optional.ofNullable(bootstrapTrigger), () -> info, restart,
                stop);
        dtls = new DtlsChannels(keystore.credentials(), DtlsConfig.builder()
                .handshakeTimeout(Duration.ofSeconds(config.handshake_timeout_seconds()))
                .retransmissionInitial(Duration.ofMillis(config.retransmission_initial_ms())).build());
        supervisor = new ChannelSupervisor(new KeystoreChannelStore(keystore), dtls, scheduler, backoff,
                config.max_channels());
        supervisor.addListener((channel, previous, deleted) -> whiteboard.forEach(l -> {
            try {
                l.channelChanged(channel, previous, deleted);
            } catch (RuntimeException e) {
                LOG.warn("channel listener failed", e);
            }
        }));
        api = new ManagementApi(keystore, supervisor, system, scheduler, config.ping_max_bytes());
        dtls.start(supervisor, api);
    }

    static DeviceInfo deviceInfo(ChannelServiceConfig config, UUID deviceId) {
        String mac = config.device_mac_address() == null ? "" : config.device_mac_address().trim();
        Bytes macBytes;
        try {
            macBytes = Bytes.of(HexFormat.of().parseHex(mac));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device_mac_address must be hex digits", e);
        }
        Package pkg = ChannelServiceComponent.class.getPackage();
        String version = pkg == null || pkg.getImplementationVersion() == null ? ""
                : pkg.getImplementationVersion();
        return new DeviceInfo(deviceId, macBytes, text(config.device_manufacturer()),
                text(config.device_product_code()), text(config.device_serial_number()),
                text(config.device_build_date()), "aSSURE", "org.assure.channels", version);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @Deactivate
    void deactivate() {
        supervisor.shutdown();
        dtls.close();
        scheduler.close();
    }

    // ---- dynamic references ----

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransport(ChannelTransport transport) {
        dtls.addTransport(transport);
    }

    void removeTransport(ChannelTransport transport) {
        dtls.removeTransport(transport);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGoodbyeHook(GoodbyeHook hook) {
        goodbyeHooks.add(hook);
    }

    void removeGoodbyeHook(GoodbyeHook hook) {
        goodbyeHooks.remove(hook);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBootstrapTrigger(BootstrapTrigger trigger) {
        bootstrapTrigger = trigger;
    }

    void unsetBootstrapTrigger(BootstrapTrigger trigger) {
        if (bootstrapTrigger == trigger) {
            bootstrapTrigger = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannelListener(ChannelListener listener) {
        whiteboard.add(listener);
    }

    void removeChannelListener(ChannelListener listener) {
        whiteboard.remove(listener);
    }

    /** The transports' endpoints, for tests. */
    DtlsChannels dtls() {
        return dtls;
    }

    // ---- restart / stop of the aSSURE bundles ----

    private static List<Bundle> assureBundles(BundleContext context) {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            // the Kura API stand-in is not a service of ours; refreshing it would disturb Kura itself
            if (name != null && name.startsWith("org.assure.") && !name.equals("org.assure.kura.api")) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    private static void restartAssure(BundleContext context) {
        // a refresh stops, re-resolves and restarts the bundles and everything wired to them, on the
        // framework's own thread, so it works even though this bundle is among them
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        wiring.refreshBundles(assureBundles(context));
    }

    private static void stopAssure(BundleContext context) {
        Bundle self = context.getBundle();
        for (Bundle bundle : assureBundles(context)) {
            if (bundle.getBundleId() == self.getBundleId()) {
                continue;
            }
            try {
                bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("cannot stop {}", bundle.getSymbolicName(), e);
            }
        }
        try {
            self.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("cannot stop the channels bundle", e);
        }
    }

    // ---- ChannelManager and DeviceManagement, delegated ----

    @Override
    public List<ManagedChannel> channels() {
        return supervisor.channels();
    }

    @Override
    public Optional<ManagedChannel> channel(long id) {
        return supervisor.channel(id);
    }

    @Override
    public long create(ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException {
        return supervisor.create(configuration, origin);
    }

    @Override
    public void create(long id, ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException {
        supervisor.create(id, configuration, origin);
    }

    @Override
    public DeleteOutcome delete(long id) throws AssureException {
        return supervisor.delete(id);
    }

    @Override
    public void open(long id) throws AssureException {
        supervisor.open(id);
    }

    @Override
    public void close(long id) throws AssureException {
        supervisor.close(id);
    }

    @Override
    public boolean usesKey(UUID keyId) {
        return supervisor.usesKey(keyId);
    }

    @Override
    public java.util.concurrent.CompletionStage<ManagementResponse> send(long id, ManagementRequest request) {
        return supervisor.send(id, request);
    }

    @Override
    public ChannelStaging stage(ChannelOrigin origin) {
        return supervisor.stage(origin);
    }

    @Override
    public void addListener(ChannelListener listener) {
        supervisor.addListener(listener);
    }

    @Override
    public void removeListener(ChannelListener listener) {
        supervisor.removeListener(listener);
    }

    @Override
    public ManagementResponse handle(ManagementRequest request, ManagementContext context) {
        return api.handle(request, context);
    }
}
