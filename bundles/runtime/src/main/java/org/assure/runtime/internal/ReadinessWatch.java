package org.assure.runtime.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assure.bootstrap.BootstrapService;
import org.assure.channels.ChannelManager;
import org.assure.core.transport.ChannelTransport;
import org.assure.keystore.Keystore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the gateway can be used — keystore, channel manager, IP transport and bootstrap client active, the web
 * console's HTTP endpoint on the configured port — and prints READY; prints FAILED as soon as an aSSURE component
 * failed to activate (with the reason DS recorded, which never holds secrets) or when the startup timeout passes.
 */
final class ReadinessWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessWatch.class);
    /** The servlet whiteboard runtime of Felix HTTP; its endpoint property carries the bound port. */
    static final String HTTP_RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final long POLL_MILLIS = 50;

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final RuntimeSettings settings;
    private final Thread thread;
    private final long startNanos = System.nanoTime();

    private ReadinessWatch(BundleContext context, ServiceComponentRuntime scr, RuntimeSettings settings) {
        this.context = context;
        this.scr = scr;
        this.settings = settings;
        this.thread = new Thread(this, "assure-gateway-ready");
        thread.setDaemon(true);
    }

    static ReadinessWatch start(BundleContext context, ServiceComponentRuntime scr, RuntimeSettings settings) {
        ReadinessWatch watch = new ReadinessWatch(context, scr, settings);
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
                Optional<String> device = deviceId(missing);
                present(ChannelManager.class, "channel manager", missing);
                present(ChannelTransport.class, "IP transport", missing);
                present(BootstrapService.class, "bootstrap client", missing);
                OptionalInt http = httpPort();
                if (http.isEmpty()) {
                    missing.add("web console HTTP on port " + settings.httpPort());
                }
                if (missing.isEmpty()) {
                    LOG.info("aSSURE gateway ready in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
                    StartupReport.ready(http.getAsInt(), settings.managementPort(), settings.dataPort(),
                            device.orElseThrow());
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

    private void present(Class<?> service, String name, List<String> missing) {
        if (context.getServiceReference(service) == null) {
            missing.add(name);
        }
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

    /** The first aSSURE component whose activation failed, as "component: reason". */
    private Optional<String> failedComponent() {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.bundle == null || description.bundle.symbolicName == null
                    || !description.bundle.symbolicName.startsWith("org.assure.")) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String reason = configuration.failure == null ? "activation failed" : firstLine(configuration.failure);
                    return Optional.of(description.name + ": " + reason);
                }
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
