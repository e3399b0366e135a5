package org.assure.cli.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * HTTPS to the authority's JSON APIs (draft §9, §11.2): trusts only the CA the authority info names, presents a
 * client certificate where the API wants one, and turns every answer other than the expected one into a
 * one-line {@link CliException} that says what the server refused. Server texts are short fixed diagnostics
 * (never input or secrets), so they are shown.
 */
final class HttpsClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final String name;
    private final HttpClient http;
    private final Optional<String> authorization;

    /** @param name what the server is, for messages ("Trusted Authority", "management server") */
    HttpsClient(URI base, String name, X509Certificate ca, Optional<Credentials.KeyAndCertificate> client,
            Optional<String> authorization) {
        this.base = base;
        this.name = name;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().sslContext(Credentials.tls(List.of(ca), client))
                .connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** An answer with the expected status. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends and checks the status.
     *
     * @param refusals one-line explanations for statuses the caller expects to happen, e.g. 403 on a claim
     */
    Answer send(String method, String pathAndQuery, byte[] body, String contentType, int expected,
            java.util.Map<Integer, String> refusals) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CliException("the " + name + " at " + base + " did not answer in time");
        } catch (ConnectException e) {
            throw new CliException("cannot reach the " + name + " at " + base + ": connection refused");
        } catch (SSLException e) {
            throw new CliException("TLS with the " + name + " at " + base
                    + " failed (wrong CA certificate or not an aSSURE authority)");
        } catch (IOException e) {
            throw new CliException("cannot reach the " + name + " at " + base + ": " + Inputs.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        int status = response.statusCode();
        if (status == expected) {
            return new Answer(status, response.body());
        }
        String reason = refusals.get(status);
        String diagnostic = diagnostic(response);
        if (reason != null) {
            throw new CliException(reason + " (" + name + " answered " + status + diagnostic + ")");
        }
        throw new CliException("the " + name + " answered " + status + diagnostic + " to " + method + " "
                + URI.create(pathAndQuery).getPath());
    }

    private static String diagnostic(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/plain") || response.body().length == 0 || response.body().length > 200) {
            return "";
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        // Only printable one-line texts: the authority's diagnostics are fixed words, anything else is not shown.
        return text.matches("[\\x20-\\x7e]+") ? ": " + text : "";
    }
}
