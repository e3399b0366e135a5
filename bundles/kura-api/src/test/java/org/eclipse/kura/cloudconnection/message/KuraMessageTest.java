package org.eclipse.kura.cloudconnection.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.kura.message.KuraPayload;
import org.junit.jupiter.api.Test;

class KuraMessageTest {

    @Test
    void givenOnlyAPayload_whenAMessageIsCreated_thenItHasThePayloadAndAnEmptyWritablePropertyMap() {
        KuraPayload payload = new KuraPayload();

        KuraMessage message = new KuraMessage(payload);
        message.getProperties().put("assetName", "gateway-1");

        assertThat(message.getPayload()).isSameAs(payload);
        assertThat(message.getProperties()).containsExactly(entry("assetName", "gateway-1"));
    }

    @Test
    void givenProperties_whenTheCallerChangesTheirMapAfterCreation_thenTheMessageKeepsItsCopy() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("assetName", "gateway-1");

        KuraMessage message = new KuraMessage(new KuraPayload(), properties);
        properties.put("assetName", "other");
        properties.put("extra", 1);

        assertThat(message.getProperties()).containsExactly(entry("assetName", "gateway-1"));
    }

    @Test
    void givenAMessage_whenItsPropertyMapIsChanged_thenTheMessageItselfChanges() {
        KuraMessage message = new KuraMessage(new KuraPayload(), Map.of("a", 1));

        message.getProperties().remove("a");
        message.getProperties().put("b", 2);

        assertThat(message.getProperties()).containsExactly(entry("b", 2));
    }

    @Test
    void givenANullPayloadOrPropertyMap_whenAMessageIsCreated_thenItIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> new KuraMessage(null)).withMessage("payload");
        assertThatNullPointerException().isThrownBy(() -> new KuraMessage(new KuraPayload(), null))
                .withMessage("properties");
    }
}
