package org.eclipse.kura.cloudconnection.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.kura.cloudconnection.publisher.CloudNotificationPublisher;
import org.junit.jupiter.api.Test;

class RequestHandlerContextTest {

    private static final CloudNotificationPublisher PUBLISHER = (CloudNotificationPublisher) Proxy.newProxyInstance(
            RequestHandlerContextTest.class.getClassLoader(), new Class<?>[] { CloudNotificationPublisher.class },
            (proxy, method, args) -> {
                throw new UnsupportedOperationException("not called by these tests");
            });

    @Test
    void givenAPublisherAndProperties_whenAContextIsCreated_thenBothAreReadBack() {
        RequestHandlerContext context = new RequestHandlerContext(PUBLISHER,
                Map.of(RequestHandlerContextConstants.DEVICE_ID.name(), "gw-1"));

        assertThat(context.getNotificationPublisher()).isSameAs(PUBLISHER);
        assertThat(context.getContextProperties()).containsExactly(entry("DEVICE_ID", "gw-1"));
    }

    @Test
    void givenProperties_whenTheCallerChangesTheirMapAfterCreation_thenTheContextKeepsItsCopy() {
        Map<String, String> properties = new HashMap<>();
        properties.put("TENANT_ID", "acme");

        RequestHandlerContext context = new RequestHandlerContext(PUBLISHER, properties);
        properties.put("TENANT_ID", "other");

        assertThat(context.getContextProperties()).containsExactly(entry("TENANT_ID", "acme"));
    }

    @Test
    void givenAContext_whenItsPropertiesAreModified_thenTheyRefuse() {
        RequestHandlerContext context = new RequestHandlerContext(PUBLISHER, Map.of("TENANT_ID", "acme"));

        assertThatThrownBy(() -> context.getContextProperties().put("DEVICE_ID", "x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenANullPropertyMap_whenAContextIsCreated_thenItIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> new RequestHandlerContext(PUBLISHER, null))
                .withMessage("contextProperties");
    }

    @Test
    void givenTheArgsConstant_whenItsValueIsRead_thenItIsTheRequestPropertyNameArgs() {
        assertThat(RequestHandlerMessageConstants.ARGS_KEY.value()).isEqualTo("args");
    }
}
