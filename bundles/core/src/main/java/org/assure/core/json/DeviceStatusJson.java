package org.assure.core.json;

import org.assure.core.model.DeviceStatus;

/**
 * A device's registration status at the management server, draft §11.2.3 ({@code GET /v1/devices/<uuid>/status}):
 * {@code {"status": <integer>, "description": "<text>"}}. Both fields are required; status is 0..2^31 - 1.
 */
public final class DeviceStatusJson {
    public static final String STATUS = "status";
    public static final String DESCRIPTION = "description";

    private DeviceStatusJson() {
    }

    public static byte[] encode(DeviceStatus status) {
        return JsonOutput.encode(g -> {
            g.writeStartObject();
            g.writeNumberField(STATUS, status.status());
            g.writeStringField(DESCRIPTION, status.description());
            g.writeEndObject();
        });
    }

    /**
     * @throws JsonDecodeException if {@code data} is not exactly one valid status object
     */
    public static DeviceStatus decode(byte[] data) throws JsonDecodeException {
        JsonInput in = JsonInput.of(data);
        Long status = null;
        String description = null;
        in.startObject("");
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case STATUS -> status = in.readLong(name, 0, Integer.MAX_VALUE);
                case DESCRIPTION -> description = in.readText(name);
                default -> throw in.unknown(name);
            }
        }
        in.expectEnd();
        int value = in.required(STATUS, status).intValue();
        String text = in.required(DESCRIPTION, description);
        return in.construct("", () -> new DeviceStatus(value, text));
    }
}
