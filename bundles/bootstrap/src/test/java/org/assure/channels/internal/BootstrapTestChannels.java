package org.assure.channels.internal;

import java.lang.reflect.Proxy;
import org.assure.channels.ChannelManager;
import org.assure.channels.DeviceManagement;
import org.assure.keystore.Keystore;

/**
 * Starts the channels bundle's real channel component (ChannelManager and DeviceManagement) for the bootstrap
 * tests, with its configuration defaults and no transport. It sits in the channels' private package only because
 * the channels bundle exports no factory (reported to the lead); production code never does this.
 */
public final class BootstrapTestChannels {
    private BootstrapTestChannels() {
    }

    /** The component over {@code keystore}, which also holds its channel definitions. */
    public static ChannelManager open(Keystore keystore) throws Exception {
        ChannelServiceConfig defaults = (ChannelServiceConfig) Proxy.newProxyInstance(
                ChannelServiceConfig.class.getClassLoader(), new Class<?>[] {ChannelServiceConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
        return new ChannelServiceComponent(defaults, keystore, () -> { }, () -> { });
    }

    /** The Device Management API of a component from {@link #open}. */
    public static DeviceManagement api(ChannelManager component) {
        return (ChannelServiceComponent) component;
    }

    public static void close(ChannelManager component) {
        ((ChannelServiceComponent) component).deactivate();
    }
}
