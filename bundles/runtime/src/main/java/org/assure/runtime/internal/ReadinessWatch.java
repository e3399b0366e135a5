package org.assure.runtime.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import org.assure.bootstrap.BootstrapService;
import org.assure.channels.ChannelManager;
import org.assure.core.transport.ChannelTransport;
import org.assure.keystore.Keystore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the gateway can be used — keystore, channel manager, IP transport and bootstrap client active, the web
 * console's HTTP endpoint on the configured port, and the configuration admin done delivering what was seeded (it
 * does so asynchronously, and a component that receives its configuration again restarts) — and prints READY; prints FAILED as soon as an aSSURE component
 * failed to activate (with the reason DS recorded, which never holds secrets) or when the startup timeout passes.
 */
final class ReadinessWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessWatch.class);
    /** The servlet whiteboard runtime of Felix HTTP; its endpoint property carries the bound port. */
    static final String HTTP_RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final long POLL_MILLIS = 50;
    /** The components that make a usable gateway (the web console plugin shows their state). */
    static final List<String> GATEWAY_COMPONENTS = List.of(ConfigurationSeeder.KEYSTORE_PID, "org.assure.channels",
            ConfigurationSeeder.IP_TRANSPORT_PID, ConfigurationSeeder.BOOTSTRAP_PID);
    /** Felix SCR's failure text for a component whose referenced service could not be obtained. */
    private static final String UNAVAILABLE_REFERENCE = "Unable to get service for reference";
    static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(3);

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final ConfigurationAdmin admin;
    private final RuntimeSettings settings;
    private final BooleanSupplier configurationsDelivered;
    private final Thread thread;
    private final java.util.Map<String, Long> failingSince = new java.util.HashMap<>();
    private final long startNanos = System.nanoTime();

    private ReadinessWatch(BundleContext context, ServiceComponentRuntime scr, ConfigurationAdmin admin,
            RuntimeSettings settings, BooleanSupplier configurationsDelivered) {
        this.configurationsDelivered = configurationsDelivered;
        this.context = context;
        this.scr = scr;
        this.admin = admin;
        this.settings = settings;
        this.thread = new Thread(this, "assure-gateway-ready");
        thread.setDaemon(true);
    }

    static ReadinessWatch start(BundleContext context, ServiceComponentRuntime scr, ConfigurationAdmin admin,
            RuntimeSettings settings, BooleanSupplier configurationsDelivered) {
        ReadinessWatch watch = new ReadinessWatch(context, scr, admin, settings, configurationsDelivered);
        watch.thread.start();
        return watch;
    }

    void close() {
        thread.interrupt();
    }

    @Override
    public void run() {
        long deadline = startNanos + settings.startupTimeout().toNanos();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<String> failure = failedComponent();
                if (failure.isPresent()) {
                    StartupReport.failed(failure.get());
                    return;
                }
                List<String> missing = new ArrayList<>();
                // Asking for the services activates the delayed components; doing so while the configuration
                // admin still delivers the seeded configurations (whose handling activates them too, on its own
                // thread) only makes the activations race each other.
                if (!configurationsDelivered.getAsBoolean()) {
                    missing.add("the configuration admin to deliver the seeded configurations");
                }
                Optional<String> device = Optional.empty();
                OptionalInt http = OptionalInt.empty();
                if (missing.isEmpty()) {
                    device = deviceId(missing);
                    active(ChannelManager.class, "channel manager", missing);
                    active(ChannelTransport.class, "IP transport", missing);
                    active(BootstrapService.class, "bootstrap client", missing);
                    http = httpPort();
                    if (http.isEmpty()) {
                        missing.add("web console HTTP on port " + settings.httpPort());
                    }
                    for (String component : GATEWAY_COMPONENTS) {
                        if (!componentActive(component)) {
                            missing.add("component " + component);
                        }
                    }
                }
                if (missing.isEmpty()) {
                    LOG.info("aSSURE gateway ready in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
                    StartupReport.ready(http.getAsInt(), configuredPort("management.port", settings.managementPort()),
                            configuredPort("data.port", settings.dataPort()), device.orElseThrow());
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    StartupReport.failed("not ready after " + settings.startupTimeout().toSeconds()
                            + " s; waiting for " + String.join(", ", missing));
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // this bundle is stopping: nothing to report
        }
    }

    /**
     * A port as the IP transport's configuration has it: after the first start that configuration, possibly edited
     * in the web console, wins over the launch options.
     */
    private int configuredPort(String property, int fallback) {
        try {
            Configuration configuration = admin.getConfiguration(ConfigurationSeeder.IP_TRANSPORT_PID, "?");
            Object value = configuration.getProperties() == null ? null : configuration.getProperties().get(property);
            return value instanceof Number number ? number.intValue() : fallback;
        } catch (java.io.IOException e) {
            return fallback;
        }
    }

    private Optional<String> deviceId(List<String> missing) {
        ServiceReference<Keystore> reference = context.getServiceReference(Keystore.class);
        if (reference != null) {
            Keystore keystore = context.getService(reference);
            try {
                if (keystore != null) {
                    return Optional.of(keystore.deviceId().toString());
                }
            } catch (IllegalStateException e) {
                // deactivated meanwhile: still waiting
            } finally {
                context.ungetService(reference);
            }
        }
        missing.add("keystore");
        return Optional.empty();
    }

    /** Gets the service, which activates a delayed component; missing if there is none or it cannot activate. */
    private <S> void active(Class<S> service, String name, List<String> missing) {
        ServiceReference<S> reference = context.getServiceReference(service);
        if (reference == null) {
            missing.add(name);
            return;
        }
        try {
            if (context.getService(reference) == null) {
                missing.add(name);
            }
        } finally {
            context.ungetService(reference);
        }
    }

    private boolean componentActive(String name) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (name.equals(description.name)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.ACTIVE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The HTTP port Felix HTTP has bound, once it is the configured one (any port when 0 was asked for). */
    private OptionalInt httpPort() {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(HTTP_RUNTIME, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null) {
            return OptionalInt.empty();
        }
        for (ServiceReference<?> reference : references) {
            Object endpoints = reference.getProperty("osgi.http.endpoint");
            List<String> values = new ArrayList<>();
            if (endpoints instanceof String text) {
                values.add(text);
            } else if (endpoints instanceof String[] texts) {
                values.addAll(List.of(texts));
            } else if (endpoints instanceof java.util.Collection<?> items) {
                items.forEach(item -> values.add(String.valueOf(item)));
            }
            for (String value : values) {
                OptionalInt port = port(value);
                if (port.isPresent() && (settings.httpPort() == 0 || port.getAsInt() == settings.httpPort())) {
                    return port;
                }
            }
        }
        return OptionalInt.empty();
    }

    static OptionalInt port(String endpoint) {
        try {
            int port = URI.create(endpoint.trim()).getPort();
            return port > 0 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * An aSSURE component whose activation failed for a reason of its own, as "component: reason". A component that
     * failed only because a service it references could not be had (that service failed, or its activation on
     * another thread took longer than SCR waits) does not count: the root failure is the one to show, and SCR does
     * not try such a delayed component again by itself, so after {@link #RETRY_AFTER} it is disabled and enabled.
     */
    private Optional<String> failedComponent() {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.bundle == null || description.bundle.symbolicName == null
                    || !description.bundle.symbolicName.startsWith("org.assure.")) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state != ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    continue;
                }
                String reason = configuration.failure == null ? "activation failed" : firstLine(configuration.failure);
                if (!reason.contains(UNAVAILABLE_REFERENCE)) {
                    return Optional.of(description.name + ": " + reason);
                }
                retryLater(description);
            }
        }
        return Optional.empty();
    }

    private void retryLater(ComponentDescriptionDTO description) {
        long now = System.nanoTime();
        Long since = failingSince.putIfAbsent(description.name, now);
        if (since != null && now - since > RETRY_AFTER.toNanos()) {
            failingSince.remove(description.name);
            LOG.info("Restarting component {}: a service it needs was not available when it activated",
                    description.name);
            scr.disableComponent(description).onResolve(() -> scr.enableComponent(description));
        }
    }

    /** The first line that says something (DS's failure text is an exception's stack trace). */
    static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "activation failed";
    }
}
