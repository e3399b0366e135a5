package org.eclipse.kura.message;

import java.util.Date;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A geographic position attached to a {@link KuraPayload}. Each getter returns null until its setter has been
 * called.
 */
@ProviderType
public class KuraPosition {

    private Double longitude;
    private Double latitude;
    private Double altitude;
    private Double precision;
    private Double heading;
    private Double speed;
    private Integer satellites;
    private Integer status;
    private Date timestamp;

    /** A position with nothing set. */
    public KuraPosition() {
    }

    /** @return the longitude, or null */
    public Double getLongitude() {
        return this.longitude;
    }

    public void setLongitude(double longitude) {
        this.longitude = longitude;
    }

    /** @return the latitude, or null */
    public Double getLatitude() {
        return this.latitude;
    }

    public void setLatitude(double latitude) {
        this.latitude = latitude;
    }

    /** @return the altitude, or null */
    public Double getAltitude() {
        return this.altitude;
    }

    public void setAltitude(double altitude) {
        this.altitude = altitude;
    }

    /** @return the precision, or null */
    public Double getPrecision() {
        return this.precision;
    }

    public void setPrecision(double precision) {
        this.precision = precision;
    }

    /** @return the heading, or null */
    public Double getHeading() {
        return this.heading;
    }

    public void setHeading(double heading) {
        this.heading = heading;
    }

    /** @return the speed, or null */
    public Double getSpeed() {
        return this.speed;
    }

    public void setSpeed(double speed) {
        this.speed = speed;
    }

    /** @return number of satellites in the fix, or null */
    public Integer getSatellites() {
        return this.satellites;
    }

    public void setSatellites(int satellites) {
        this.satellites = satellites;
    }

    /** @return the fix status, or null */
    public Integer getStatus() {
        return this.status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    /** @return a copy of the time of the fix, or null */
    public Date getTimestamp() {
        return KuraPayload.copy(this.timestamp);
    }

    /** @param timestamp the time of the fix; copied, null clears it */
    public void setTimestamp(Date timestamp) {
        this.timestamp = KuraPayload.copy(timestamp);
    }
}
