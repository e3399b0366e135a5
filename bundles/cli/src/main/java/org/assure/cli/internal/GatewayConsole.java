package org.assure.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone gateway's aSSURE web console plugin (runtime contract): {@code GET /system/console/assure/status.json}
 * and {@code POST /system/console/assure/ping}, with the web console's basic login. Plain HTTP on loopback.
 */
final class GatewayConsole {
    static final String PLUGIN = "/system/console/assure";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    GatewayConsole(int port, String user, String password) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The plugin's HTML page, for people. */
    URI page() {
        return base.resolve(PLUGIN);
    }

    /** The web console's configuration page (the metatype forms). */
    URI configuration() {
        return base.resolve("/system/console/configMgr");
    }

    /** A data or management channel as the status document lists it. */
    record Channel(long id, String state, String peer, String kind) {
    }

    /** The parts of {@code status.json} the demo looks at. */
    record Status(String deviceId, String bootstrapState, String lastOutcome, List<Channel> channels) {
        Optional<Channel> dataChannel() {
            return channels.stream().filter(c -> "data".equals(c.kind())).findFirst();
        }
    }

    Status status() {
        Map<String, Object> json = Json.parseObject(send(HttpRequest.newBuilder(base.resolve(PLUGIN + "/status.json"))
                .GET(), "GET status.json"), "the gateway's status.json");
        Map<?, ?> bootstrap = json.get("bootstrap") instanceof Map<?, ?> m ? m : Map.of();
        List<Channel> channels = json.get("channels") instanceof List<?> list ? list.stream()
                .filter(Map.class::isInstance).map(Map.class::cast)
                .map(c -> new Channel(c.get("id") instanceof Number n ? n.longValue() : -1, text(c.get("state")),
                        text(c.get("peer")), text(c.get("kind"))))
                .toList() : List.of();
        return new Status(text(json.get("deviceId")), text(bootstrap.get("state")), text(bootstrap.get("lastOutcome")),
                channels);
    }

    /** The answer of the ping plugin. */
    record Ping(boolean ok, String echo, long rttMillis, String error) {
    }

    /** Sends CoAP {@code GET /v1/ping} with {@code payload} over channel {@code id} through the gateway. */
    Ping ping(long channel, String payload) {
        String form = "channel=" + channel + "&payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        Map<String, Object> json = Json.parseObject(send(HttpRequest.newBuilder(base.resolve(PLUGIN + "/ping"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "POST ping"), "the gateway's ping answer");
        boolean ok = Boolean.TRUE.equals(json.get("ok"));
        return new Ping(ok, text(json.get("echo")), json.get("rttMillis") instanceof Number n ? n.longValue() : -1,
                text(json.get("error")));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private String send(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", authorization).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("the gateway console at " + base + " is not reachable: " + Inputs.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new CliException("the gateway console answered " + response.statusCode() + " to " + what);
        }
        return response.body();
    }
}
