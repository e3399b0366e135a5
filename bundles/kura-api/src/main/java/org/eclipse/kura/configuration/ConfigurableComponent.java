package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker service interface: Kura's configuration service tracks every service registered under this interface and
 * offers its metatype as a configuration form.
 * <p>
 * To be picked up, the component must register this interface (among any others), import this package from
 * Kura's API bundle, and carry both {@code service.pid} and {@code kura.service.pid}; its metatype OCD id must equal
 * its PID (or factory PID).
 */
@ConsumerType
public interface ConfigurableComponent {
}
