package org.assure.channels;

/**
 * The Device Management API of draft §10.1 as a service, independent of CoAP: the gateway's CoAP resources call it
 * for requests arriving on channels, and the bootstrap client replays the image's messages through it with
 * {@link ManagementContext#bootstrap}. Thread-safe.
 *
 * <p>A request that fails changes nothing. Reboot, shutdown and bootstrap requests answer {@code 2.04} and act
 * shortly after the response has been returned, as the draft says.
 */
public interface DeviceManagement {
    /** Handles one request; never throws for bad input (that is a 4.xx response). */
    ManagementResponse handle(ManagementRequest request, ManagementContext context);
}
