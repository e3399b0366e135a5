package org.eclipse.kura.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Date;
import java.util.Iterator;

import org.junit.jupiter.api.Test;

class KuraPayloadTest {

    @Test
    void givenANewPayload_whenRead_thenNothingIsSet() {
        KuraPayload payload = new KuraPayload();

        assertThat(payload.getTimestamp()).isNull();
        assertThat(payload.getPosition()).isNull();
        assertThat(payload.getBody()).isNull();
        assertThat(payload.metrics()).isEmpty();
        assertThat(payload.metricNames()).isEmpty();
        assertThat(payload.metricsIterator()).isExhausted();
    }

    @Test
    void givenMetrics_whenAdded_thenTheyAreReadBackByNameInInsertionOrder() {
        KuraPayload payload = new KuraPayload();

        payload.addMetric("response.code", 200);
        payload.addMetric("channel", "c1");
        payload.addMetric("raw", new byte[] { 1, 2 });

        assertThat(payload.getMetric("response.code")).isEqualTo(200);
        assertThat(payload.getMetric("channel")).isEqualTo("c1");
        assertThat(payload.getMetric("absent")).isNull();
        assertThat(payload.metricNames()).containsExactly("response.code", "channel", "raw");
        assertThat(payload.metricsIterator()).toIterable().containsExactly("response.code", "channel", "raw");
    }

    @Test
    void givenAnExistingMetric_whenAddedAgain_thenTheNewValueReplacesTheOld() {
        KuraPayload payload = new KuraPayload();
        payload.addMetric("count", 1);

        payload.addMetric("count", 2L);

        assertThat(payload.metrics()).containsExactly(entry("count", 2L));
    }

    @Test
    void givenMetrics_whenOneIsRemoved_thenOnlyTheOthersRemain() {
        KuraPayload payload = new KuraPayload();
        payload.addMetric("a", 1);
        payload.addMetric("b", 2);

        payload.removeMetric("a");
        payload.removeMetric("never-added");

        assertThat(payload.metrics()).containsExactly(entry("b", 2));
    }

    @Test
    void givenMetrics_whenAllAreRemoved_thenThePayloadHasNone() {
        KuraPayload payload = new KuraPayload();
        payload.addMetric("a", 1);
        payload.addMetric("b", 2);

        payload.removeAllMetrics();

        assertThat(payload.metrics()).isEmpty();
    }

    @Test
    void givenTheMetricViews_whenModified_thenTheyRefuse() {
        KuraPayload payload = new KuraPayload();
        payload.addMetric("a", 1);
        Iterator<String> names = payload.metricsIterator();
        names.next();

        assertThatThrownBy(() -> payload.metrics().put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> payload.metricNames().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(names::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(payload.metrics()).containsExactly(entry("a", 1));
    }

    @Test
    void givenTheMetricViews_whenThePayloadChangesLater_thenTheViewsShowTheChange() {
        KuraPayload payload = new KuraPayload();
        var metrics = payload.metrics();

        payload.addMetric("late", true);

        assertThat(metrics).containsExactly(entry("late", true));
    }

    @Test
    void givenANullNameOrValue_whenAddedAsMetric_thenItIsRejected() {
        KuraPayload payload = new KuraPayload();

        assertThatNullPointerException().isThrownBy(() -> payload.addMetric(null, 1)).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> payload.addMetric("a", null)).withMessage("value");
        assertThat(payload.metrics()).isEmpty();
    }

    @Test
    void givenABody_whenSetAndTheCallerChangesItsArray_thenThePayloadKeepsTheOriginalBytes() {
        KuraPayload payload = new KuraPayload();
        byte[] body = { 1, 2, 3 };

        payload.setBody(body);
        body[0] = 9;
        payload.getBody()[1] = 9;

        assertThat(payload.getBody()).containsExactly(1, 2, 3);
    }

    @Test
    void givenABody_whenSetToNull_thenThePayloadHasNoBody() {
        KuraPayload payload = new KuraPayload();
        payload.setBody(new byte[] { 1 });

        payload.setBody(null);

        assertThat(payload.getBody()).isNull();
    }

    @Test
    void givenATimestamp_whenSetAndTheCallerChangesIt_thenThePayloadKeepsTheOriginalTime() {
        KuraPayload payload = new KuraPayload();
        Date timestamp = new Date(1_000L);

        payload.setTimestamp(timestamp);
        timestamp.setTime(2_000L);
        payload.getTimestamp().setTime(3_000L);

        assertThat(payload.getTimestamp()).isEqualTo(new Date(1_000L));
    }

    @Test
    void givenAPosition_whenSet_thenItIsReadBack() {
        KuraPayload payload = new KuraPayload();
        KuraPosition position = new KuraPosition();
        position.setLatitude(47.5);

        payload.setPosition(position);

        assertThat(payload.getPosition()).isSameAs(position);
        payload.setPosition(null);
        assertThat(payload.getPosition()).isNull();
    }
}
