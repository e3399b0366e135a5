package org.assure.console.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.assure.bootstrap.BootstrapService;
import org.assure.channels.ChannelManager;
import org.assure.channels.DeviceManagement;
import org.assure.keystore.Keystore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "aSSURE" page of the Felix Web Console at {@code /system/console/assure}: the gateway's status as HTML,
 * {@code GET …/assure/status.json} as JSON and {@code POST …/assure/ping} ({@code channel}, {@code payload}) sending
 * {@code GET /v1/ping} over a channel. The web console's authentication applies to all three. The gateway services
 * are optional references so that the page explains what is missing while a component is not active.
 */
@Component(service = Servlet.class, property = {
    "felix.webconsole.label=" + AssureConsolePlugin.LABEL,
    "felix.webconsole.title=aSSURE",
    "felix.webconsole.category=aSSURE"})
public final class AssureConsolePlugin extends AbstractServlet {
    static final String LABEL = "assure";
    private static final Logger LOG = LoggerFactory.getLogger(AssureConsolePlugin.class);
    private static final JsonFactory JSON = new JsonFactory();
    /** A ping waits at most this long; the channel's own CoAP exchange gives up earlier when the peer is gone. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(20);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Keystore keystore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChannelManager channels;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BootstrapService bootstrap;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceManagement management;

    private final transient Pinger pinger = new Pinger(PING_TIMEOUT, System::nanoTime);

    public AssureConsolePlugin() {
    }

    /** For tests: the services DS would inject. */
    AssureConsolePlugin(Keystore keystore, ChannelManager channels, BootstrapService bootstrap,
            DeviceManagement management) {
        this.keystore = keystore;
        this.channels = channels;
        this.bootstrap = bootstrap;
        this.management = management;
    }

    GatewayView view() {
        return new GatewayView(Optional.ofNullable(keystore), Optional.ofNullable(channels),
                Optional.ofNullable(bootstrap), Optional.ofNullable(management));
    }

    /** The request's path below the plugin's label: "" for the page, "/status.json", "/ping". */
    static String subPath(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String prefix = "/" + LABEL;
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
            path = path.substring(prefix.length());
        }
        return path.equals("/") ? "" : path;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = subPath(request);
        if (path.equals("/status.json")) {
            StringWriter body = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(body)) {
                StatusReport.write(json, view());
            }
            sendJson(response, HttpServletResponse.SC_OK, body.toString());
            return;
        }
        if (!path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
        // the empty path: the web console renders its frame and calls renderContent
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!subPath(request).equals("/ping")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PingRequest ping;
        try {
            ping = PingRequest.parse(request.getParameter("channel"), request.getParameter("payload"));
        } catch (IllegalArgumentException e) {
            sendJson(response, HttpServletResponse.SC_BAD_REQUEST, pingJson(PingResult.failed(e.getMessage())));
            return;
        }
        ChannelManager manager = channels;
        if (manager == null) {
            sendJson(response, HttpServletResponse.SC_OK,
                    pingJson(PingResult.failed("channel manager is not active")));
            return;
        }
        PingResult result;
        try {
            result = pinger.ping(manager, ping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = PingResult.failed("interrupted");
        }
        LOG.info("Console ping on channel {}: {}", ping.channel(), result.ok() ? "answered" : result.error().get());
        sendJson(response, HttpServletResponse.SC_OK, pingJson(result));
    }

    static String pingJson(PingResult result) throws IOException {
        StringWriter body = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeBooleanField("ok", result.ok());
            if (result.ok()) {
                json.writeStringField("echo", result.echo().get());
                json.writeNumberField("rttMillis", result.rttMillis());
            } else {
                json.writeStringField("error", result.error().get());
            }
            json.writeEndObject();
        }
        return body.toString();
    }

    private static void sendJson(HttpServletResponse response, int status, String body) throws IOException {
        setNoCache(response);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write(StatusPage.html(view()));
    }
}
