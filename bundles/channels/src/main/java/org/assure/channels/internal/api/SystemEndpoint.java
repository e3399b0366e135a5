package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.model.GoodbyeReason;

/**
 * {@code PUT /v1/reboot} (§10.1.13), {@code PUT /v1/shutdown} (§10.1.14) and {@code PUT /v1/bootstrap}
 * (§10.1.15): 2.04, then the action once the response is sent. Bootstrap without a bootstrap client answers 5.03.
 */
final class SystemEndpoint implements Endpoint {
    enum Action {
        REBOOT,
        SHUTDOWN,
        BOOTSTRAP
    }

    private final Action action;

    SystemEndpoint(Action action) {
        this.action = action;
    }

    @Override
    public ManagementMethod method() {
        return ManagementMethod.PUT;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.SYSTEM_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException {
        call.expectNoPayload();
        ManagementResponse changed = ManagementResponse.of(ManagementStatus.CHANGED);
        SystemControl system = call.system();
        return switch (action) {
            case REBOOT -> new Outcome(changed, Optional.of(system::reboot));
            case SHUTDOWN -> new Outcome(changed, Optional.of(system::shutdown));
            case BOOTSTRAP -> {
                Optional<BootstrapTrigger> trigger = system.bootstrapTrigger();
                if (trigger.isEmpty()) {
                    throw new ApiException(ManagementStatus.SERVICE_UNAVAILABLE, "no bootstrap client");
                }
                yield new Outcome(changed, Optional.of(() -> trigger.get()
                        .bootstrapSoon(GoodbyeReason.BOOTSTRAP_BY_MANAGEMENT)));
            }
        };
    }
}
