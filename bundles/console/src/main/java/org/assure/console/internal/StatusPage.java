package org.assure.console.internal;

import java.util.List;
import java.util.Optional;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.channels.ManagedChannel;
import org.assure.keystore.KeyInfo;

/**
 * The plugin's HTML (inside the web console's frame): device, bootstrap, channels and keys, and a ping form that
 * posts to {@code assure/ping}. Every value is escaped; the same facts as {@code status.json}, nothing secret.
 */
final class StatusPage {
    private StatusPage() {
    }

    static String html(GatewayView view) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<div id=\"assure-status\">\n");
        out.append("<h2>Device</h2>\n<table class=\"tablelayout\"><tbody>\n");
        row(out, "Device id", safely(() -> view.keystore().map(k -> k.deviceId().toString()))
                .orElse("keystore is not active"));
        Optional<org.assure.core.model.DeviceInfo> info = view.deviceInfo();
        row(out, "Manufacturer", info.map(i -> i.manufacturer()).orElse(""));
        row(out, "Product code", info.map(i -> i.productCode()).orElse(""));
        row(out, "Serial number", info.map(i -> i.serialNumber()).orElse(""));
        Optional<BootstrapStatus> bootstrap = safely(() -> view.bootstrap().map(b -> b.status()));
        row(out, "Bootstrap", bootstrap.map(s -> s.phase().name()).orElse("bootstrap client is not active"));
        Optional<BootstrapOutcome> last = bootstrap.flatMap(BootstrapStatus::last);
        row(out, "Last bootstrap attempt", last.map(o -> o.result().name() + " (" + o.reason() + ") at " + o.at())
                .orElse("none"));
        out.append("</tbody></table>\n");

        out.append("<h2>Channels</h2>\n");
        List<ManagedChannel> channels = safely(() -> view.channels().map(c -> c.channels())).orElse(List.of());
        if (view.channels().isEmpty()) {
            out.append("<p>The channel manager is not active.</p>\n");
        } else if (channels.isEmpty()) {
            out.append("<p>No channels defined.</p>\n");
        } else {
            out.append("<table class=\"tablelayout\" id=\"assure-channels\"><thead><tr><th>Id</th><th>Kind</th>"
                    + "<th>State</th><th>Peer key</th><th>Address</th><th>Origin</th></tr></thead><tbody>\n");
            for (ManagedChannel c : channels) {
                out.append("<tr>");
                cell(out, Long.toString(c.id()));
                cell(out, StatusReport.kind(c.configuration().flags()));
                cell(out, c.state().name());
                cell(out, c.configuration().effectivePeerKeyId().toString());
                cell(out, StatusReport.address(c.configuration().address()));
                cell(out, c.origin().name());
                out.append("</tr>\n");
            }
            out.append("</tbody></table>\n");
        }

        out.append("<h2>Keys</h2>\n");
        List<KeyInfo> keys = safely(() -> view.keystore().map(k -> k.keys())).orElse(List.of());
        out.append("<table class=\"tablelayout\" id=\"assure-keys\"><thead><tr><th>Key id</th><th>Type</th>"
                + "<th>Class</th><th>Origin</th></tr></thead><tbody>\n");
        for (KeyInfo key : keys) {
            out.append("<tr>");
            cell(out, key.keyId().toString());
            cell(out, key.format().name());
            cell(out, key.identityClass().name());
            cell(out, key.origin().name());
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");

        out.append("""
                <h2>Ping over a channel</h2>
                <form id="assure-ping" onsubmit="return assurePing(this);">
                  Channel <input name="channel" size="6"> Payload <input name="payload" size="30" value="hello">
                  <button type="submit">Ping</button> <span id="assure-ping-result"></span>
                </form>
                <script>
                function assurePing(form) {
                  var out = document.getElementById('assure-ping-result');
                  out.textContent = '…';
                  fetch('assure/ping', {method: 'POST', body: new URLSearchParams(new FormData(form))})
                    .then(function (r) { return r.json(); })
                    .then(function (j) {
                      out.textContent = j.ok ? ('echo "' + j.echo + '" in ' + j.rttMillis + ' ms') : ('failed: ' + j.error);
                    })
                    .catch(function () { out.textContent = 'failed: no answer from the console'; });
                  return false;
                }
                </script>
                """);
        out.append("<p>As JSON: <a href=\"assure/status.json\">status.json</a></p>\n</div>\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><td>").append(escape(name)).append("</td><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void cell(StringBuilder out, String value) {
        out.append("<td>").append(escape(value)).append("</td>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A service being deactivated while the page renders throws IllegalStateException: show it as not active. */
    private static <T> Optional<T> safely(java.util.function.Supplier<Optional<T>> reader) {
        try {
            return reader.get();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
