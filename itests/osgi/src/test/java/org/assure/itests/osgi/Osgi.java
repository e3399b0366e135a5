package org.assure.itests.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the in-framework tests do with the framework: ConfigAdmin configurations (as Kura's configuration service
 * creates them), Service Component Runtime state, services, and the framework log (where SCR reports a component
 * that failed to activate).
 */
final class Osgi {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<LogEntry> LOG = new CopyOnWriteArrayList<>();
    private static volatile boolean logging;

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    static <T> T service(Class<T> type) {
        return service(type, null);
    }

    /** The service of {@code type} matching {@code filter} (null: any), waiting for it up to {@link #TIMEOUT}. */
    static <T> T service(Class<T> type, String filter) {
        ServiceTracker<T, T> tracker;
        try {
            tracker = new ServiceTracker<>(context(), filter == null
                    ? context().createFilter("(objectClass=" + type.getName() + ")")
                    : context().createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        tracker.open();
        try {
            T service = tracker.waitForService(TIMEOUT.toMillis());
            if (service == null) {
                throw new AssertionError("no " + type.getSimpleName() + " service " + (filter == null ? "" : filter)
                        + " within " + TIMEOUT);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The service of {@code type} with {@code filter} if registered now. */
    static <T> Optional<T> serviceNow(Class<T> type, String filter) {
        try {
            var refs = context().getServiceReferences(type, filter);
            return refs.isEmpty() ? Optional.empty() : Optional.ofNullable(context().getService(refs.iterator().next()));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static <T> ServiceRegistration<T> register(Class<T> type, T service, Map<String, Object> properties) {
        return context().registerService(type, service, new Hashtable<>(properties));
    }

    // ---- configuration ----

    /** Creates or replaces the configuration of {@code pid}, bound to no bundle (as Kura does). */
    static void configure(String pid, Map<String, Object> properties) {
        try {
            Configuration configuration = service(ConfigurationAdmin.class).getConfiguration(pid, "?");
            configuration.update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> configuration(String pid) {
        try {
            Dictionary<String, Object> properties = service(ConfigurationAdmin.class).getConfiguration(pid, "?")
                    .getProperties();
            Hashtable<String, Object> copy = new Hashtable<>();
            if (properties != null) {
                for (var keys = properties.keys(); keys.hasMoreElements();) {
                    String key = keys.nextElement();
                    copy.put(key, properties.get(key));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteConfiguration(String pid) {
        try {
            service(ConfigurationAdmin.class).getConfiguration(pid, "?").delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Service Component Runtime ----

    static ComponentDescriptionDTO description(String component) {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        return scr.getComponentDescriptionDTOs().stream().filter(d -> d.name.equals(component)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + component));
    }

    /** The component's configurations as SCR sees them now (one per configuration for our components). */
    static List<ComponentConfigurationDTO> configurations(String component) {
        return List.copyOf(service(ServiceComponentRuntime.class).getComponentConfigurationDTOs(description(component)));
    }

    /** The state of the single configuration of {@code component}, or -1 if it has none (no configuration). */
    static int state(String component) {
        List<ComponentConfigurationDTO> dtos = configurations(component);
        return dtos.isEmpty() ? -1 : dtos.get(0).state;
    }

    static String stateName(int state) {
        return switch (state) {
            case -1 -> "no configuration";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "state " + state;
        };
    }

    /** The component's state, failure and the framework log, for assertion messages. */
    static String describe(String component) {
        List<ComponentConfigurationDTO> dtos = configurations(component);
        return component + ": " + (dtos.isEmpty() ? "no configuration" : stateName(dtos.get(0).state) + " "
                + (dtos.get(0).failure == null ? "" : dtos.get(0).failure.lines().findFirst().orElse("")) + " "
                + dtos.get(0).properties) + "\nframework log:\n" + String.join("\n", loggedAll());
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@link #TIMEOUT}. */
    static void await(String what, BooleanSupplier condition) {
        await(what, condition, TIMEOUT);
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            sleep(50);
        }
    }

    /** Waits for {@code value} to return non-null. */
    static <T> T awaitValue(String what, Supplier<T> value) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        T result;
        while ((result = value.get()) == null) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            sleep(50);
        }
        return result;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- the framework log ----

    /** Starts collecting the framework log (SCR logs activation failures there). */
    static synchronized void collectLog() {
        if (!logging) {
            service(LogReaderService.class).addLogListener(LOG::add);
            logging = true;
        }
    }

    /** Errors and warnings logged so far whose message or exception text contains {@code text}. */
    static List<String> logged(String text) {
        return LOG.stream().filter(e -> e.getLogLevel().ordinal() <= LogLevel.WARN.ordinal())
                .map(e -> e.getMessage() + causes(e.getException())).filter(m -> m.contains(text)).toList();
    }

    static List<String> loggedAll() {
        return LOG.stream().map(e -> e.getLogLevel() + " " + e.getBundle().getSymbolicName() + ": " + e.getMessage()
                + causes(e.getException())).toList();
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        return text.toString();
    }

    static ServiceReference<?>[] references(String clazz, String filter) {
        try {
            return context().getServiceReferences(clazz, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
