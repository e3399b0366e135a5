package org.eclipse.kura.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.Test;

class KuraPositionTest {

    @Test
    void givenANewPosition_whenRead_thenEveryValueIsNull() {
        KuraPosition position = new KuraPosition();

        assertThat(position.getLongitude()).isNull();
        assertThat(position.getLatitude()).isNull();
        assertThat(position.getAltitude()).isNull();
        assertThat(position.getPrecision()).isNull();
        assertThat(position.getHeading()).isNull();
        assertThat(position.getSpeed()).isNull();
        assertThat(position.getSatellites()).isNull();
        assertThat(position.getStatus()).isNull();
        assertThat(position.getTimestamp()).isNull();
    }

    @Test
    void givenEveryValue_whenSet_thenEachIsReadBackBoxed() {
        KuraPosition position = new KuraPosition();

        position.setLongitude(8.5);
        position.setLatitude(47.4);
        position.setAltitude(410.0);
        position.setPrecision(1.5);
        position.setHeading(90.0);
        position.setSpeed(0.0);
        position.setSatellites(9);
        position.setStatus(2);
        position.setTimestamp(new Date(5_000L));

        assertThat(position.getLongitude()).isEqualTo(8.5);
        assertThat(position.getLatitude()).isEqualTo(47.4);
        assertThat(position.getAltitude()).isEqualTo(410.0);
        assertThat(position.getPrecision()).isEqualTo(1.5);
        assertThat(position.getHeading()).isEqualTo(90.0);
        assertThat(position.getSpeed()).isEqualTo(0.0);
        assertThat(position.getSatellites()).isEqualTo(9);
        assertThat(position.getStatus()).isEqualTo(2);
        assertThat(position.getTimestamp()).isEqualTo(new Date(5_000L));
    }

    @Test
    void givenATimestamp_whenTheCallerChangesItAfterSetting_thenThePositionKeepsTheOriginalTime() {
        KuraPosition position = new KuraPosition();
        Date timestamp = new Date(1_000L);

        position.setTimestamp(timestamp);
        timestamp.setTime(2_000L);
        position.getTimestamp().setTime(3_000L);

        assertThat(position.getTimestamp()).isEqualTo(new Date(1_000L));
    }
}
