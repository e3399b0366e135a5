package org.assure.channels.internal.api;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.internal.Backoff;
import org.assure.channels.internal.ChannelStore;
import org.assure.channels.internal.ChannelSupervisor;
import org.assure.channels.internal.ManualSchedulerAccess;
import org.assure.channels.internal.Scheduler;
import org.assure.core.model.DeviceInfo;
import org.assure.keystore.KeyOperations;

/** A {@link ManagementApi} on a real channel manager (scripted connector) and recording system actions. */
final class ApiFixture {
    final Scheduler scheduler = ManualSchedulerAccess.create();
    final ChannelSupervisor manager;
    final ManagementApi api;
    final List<String> actions = new ArrayList<>();
    final UUID deviceId = UUID.randomUUID();
    Optional<BootstrapTrigger> trigger = Optional.empty();

    ApiFixture(Path dir, KeyOperations keys) throws IOException {
        manager = new ChannelSupervisor(new ChannelStore(dir), ManualSchedulerAccess.connector(), scheduler,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 0), 4);
        SystemControl system = new SystemControl() {
            @Override
            public void reboot() {
                actions.add("reboot");
            }

            @Override
            public void shutdown() {
                actions.add("shutdown");
            }

            @Override
            public Optional<BootstrapTrigger> bootstrapTrigger() {
                return trigger;
            }

            @Override
            public DeviceInfo deviceInfo() {
                return DeviceInfo.of(deviceId);
            }
        };
        api = new ManagementApi(keys, manager, system, scheduler, Runnable::run, 8);
    }

    /** A keystore that fails the test if an endpoint touches it (endpoints that must not use keys). */
    static KeyOperations untouchableKeys() {
        return (KeyOperations) Proxy.newProxyInstance(ApiFixture.class.getClassLoader(),
                new Class<?>[] {KeyOperations.class}, (proxy, method, args) -> {
                    throw new AssertionError("keystore used: " + method.getName());
                });
    }

    static ManagementContext with(ChannelPrivilege... privileges) {
        return new ManagementContext(Set.of(privileges), java.util.OptionalLong.of(1), Optional.empty(),
                Optional.empty());
    }

    static ManagementContext all() {
        return with(ChannelPrivilege.values());
    }

    ManagementResponse call(ManagementRequest request, ManagementContext context) {
        return api.handle(request, context);
    }
}
