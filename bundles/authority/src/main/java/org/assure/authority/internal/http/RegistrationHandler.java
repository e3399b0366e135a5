package org.assure.authority.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.ChannelIssuance;
import org.assure.authority.IssuedChannel;
import org.assure.authority.PushedRequest;
import org.assure.authority.Topology;
import org.assure.authority.internal.coap.ChannelIssuer;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.core.error.ErrorKind;
import org.assure.core.json.DeviceInfoJson;
import org.assure.core.json.DeviceStatusJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The management server's Registration API (draft §11.2) over HTTPS/JSON. Installers authenticate with HTTP Basic
 * (username and passphrase, one of the two methods the draft recommends), compared in constant time.
 */
public final class RegistrationHandler extends Handler.Abstract {
    private final Registrar registrar;
    private final ChannelIssuer channels;
    private final byte[] expectedAuthorization;

    public RegistrationHandler(Registrar registrar, ChannelIssuer channels, String user, char[] password) {
        this.registrar = registrar;
        this.channels = channels;
        String pair = user + ":" + new String(password);
        this.expectedAuthorization = ("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            authenticate(request);
            route(request, response, callback);
        } catch (AuthorityException e) {
            if (e.kind() == ErrorKind.NOT_IMPLEMENTED && "method not allowed".equals(e.getMessage())) {
                Http.respond(response, callback, 405, null, null);
            } else {
                if (e.kind() == ErrorKind.UNAUTHENTICATED) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"aSSURE registration\"");
                }
                Http.fail(response, callback, e);
            }
        }
        return true;
    }

    private void authenticate(Request request) throws AuthorityException {
        String given = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "authentication required");
        }
    }

    private void route(Request request, Response response, Callback callback) throws AuthorityException {
        String[] s = Http.segments(request);
        if (s.length == 2 && s[0].equals("v1") && s[1].equals("channels")) {
            channels(request, response, callback);
            return;
        }
        if (s.length < 3 || s.length > 4 || !s[0].equals("v1") || !s[1].equals("devices")) {
            throw Http.notFound();
        }
        UUID device = Http.uuid(s[2]);
        Fields query = Http.query(request);
        String method = request.getMethod();
        if (s.length == 3) {
            expect(method, "POST");
            Http.onlyParameters(query, List.of("case_string"));
            String caseString = query.getValue("case_string");
            if (caseString == null) {
                throw new AuthorityException(ErrorKind.MALFORMED, "case_string required");
            }
            Http.body(request, 0);
            registrar.register(device, caseString);
            Http.respond(response, callback, 201, null, null);
            return;
        }
        switch (s[3]) {
            case "replace" -> {
                expect(method, "POST");
                Http.onlyParameters(query, List.of("uuid"));
                UUID replacement = Http.uuid(query.getValue("uuid"));
                Http.body(request, 0);
                registrar.replace(device, replacement);
                Http.respond(response, callback, 201, null, null);
            }
            case "status" -> {
                expect(method, "GET");
                Http.onlyParameters(query, List.of());
                Http.respond(response, callback, 200, Http.JSON, DeviceStatusJson.encode(registrar.status(device)));
            }
            case "info" -> {
                expect(method, "GET");
                Http.onlyParameters(query, List.of());
                Http.respond(response, callback, 200, Http.JSON, DeviceInfoJson.encode(registrar.info(device)));
            }
            default -> throw Http.notFound();
        }
    }

    /**
     * aSSURE extension (PROFILE-ADDITIONS): {@code POST /v1/channels?topology=star|ring|tree|full&devices=<uuid>,<uuid>...}
     * issues and pushes the channels (draft §13, §4.3) and answers 200 with what happened per channel and device.
     */
    private void channels(Request request, Response response, Callback callback) throws AuthorityException {
        expect(request.getMethod(), "POST");
        Fields query = Http.query(request);
        Http.onlyParameters(query, List.of("topology", "devices"));
        String name = query.getValue("topology");
        Topology topology;
        try {
            topology = switch (name == null ? "" : name) {
                case "star" -> Topology.STAR;
                case "ring" -> Topology.RING;
                case "tree" -> Topology.TREE;
                case "full" -> Topology.FULLY_CONNECTED;
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "topology must be star, ring, tree or full");
        }
        String listed = query.getValue("devices");
        List<String> given = listed == null ? List.of() : List.of(listed.split(",", -1));
        if (given.size() < 2 || given.size() > MAX_CHANNEL_DEVICES) {
            throw new AuthorityException(ErrorKind.MALFORMED, "2 to " + MAX_CHANNEL_DEVICES + " devices required");
        }
        List<UUID> devices = new java.util.ArrayList<>();
        for (String d : given) {
            devices.add(Http.uuid(d));
        }
        if (new java.util.HashSet<>(devices).size() != devices.size()) {
            throw new AuthorityException(ErrorKind.MALFORMED, "a device is named twice");
        }
        Http.body(request, 0);
        ChannelIssuance result = channels.issue(devices, topology);
        Http.respond(response, callback, 200, Http.JSON, json(result));
    }

    private static final int MAX_CHANNEL_DEVICES = 64;

    private static byte[] json(ChannelIssuance result) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeBooleanField("complete", result.complete());
            g.writeArrayFieldStart("channels");
            for (IssuedChannel c : result.channels()) {
                g.writeStartObject();
                g.writeStringField("a", c.a().toString());
                g.writeStringField("b", c.b().toString());
                g.writeStringField("case", c.kind().name());
                g.writeArrayFieldStart("requests");
                for (PushedRequest r : c.requests()) {
                    g.writeStartObject();
                    g.writeStringField("device", r.device().toString());
                    g.writeStringField("method", r.method());
                    g.writeStringField("path", r.path());
                    if (r.responseCode().isPresent()) {
                        g.writeStringField("code", r.responseCode().get());
                    } else {
                        g.writeNullField("code");
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("errors");
            // Sorted by the UUID's text, so the answer is the same whatever order the devices failed in.
            java.util.Map<String, String> errors = new java.util.TreeMap<>();
            result.deviceErrors().forEach((device, error) -> errors.put(device.toString(), error));
            for (var e : errors.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void expect(String method, String expected) throws AuthorityException {
        if (!method.equals(expected)) {
            throw Http.methodNotAllowed();
        }
    }
}
