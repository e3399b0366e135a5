package org.assure.authority.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.core.error.ErrorKind;
import org.assure.core.json.ConfigurationDataJson;
import org.assure.core.json.JsonDecodeException;
import org.assure.core.model.ConfigurationData;

/**
 * A management system's client of the Trusted Authority's Owner API (draft §9.3) over HTTPS with its client
 * certificate. Answers other than the expected one become {@link AuthorityException}s of the matching kind.
 */
public final class OwnerApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final HttpClient http;

    public OwnerApiClient(URI base, List<X509Certificate> trusted, Optional<TlsContexts.ClientKey> clientKey) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(TlsContexts.client(trusted, clientKey))
                .connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** §9.3.1: registers a management system; answers the DER certificate. */
    public byte[] register(byte[] csrDer) throws AuthorityException {
        return send(HttpRequest.newBuilder(base.resolve("/v1/managementsystems"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(csrDer)), 201);
    }

    public void claim(UUID device, String caseString) throws AuthorityException {
        owner(device, "case_string=" + encode(caseString));
    }

    public void transfer(UUID device, String mgmtId) throws AuthorityException {
        owner(device, "mgmtid=" + encode(mgmtId));
    }

    public void claimAndAssign(UUID device, String caseString, String mgmtId) throws AuthorityException {
        owner(device, "case_string=" + encode(caseString) + "&mgmtid=" + encode(mgmtId));
    }

    public void release(UUID device) throws AuthorityException {
        owner(device, "mgmtid=NULL");
    }

    public byte[] parameterSet(UUID device) throws AuthorityException {
        return send(HttpRequest.newBuilder(device(device, "/parameterset")).GET(), 200);
    }

    public ConfigurationData configuration(UUID device) throws AuthorityException {
        byte[] json = send(HttpRequest.newBuilder(device(device, "/configuration")).GET(), 200);
        try {
            return ConfigurationDataJson.decode(json);
        } catch (JsonDecodeException e) {
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "authority sent malformed configuration data");
        }
    }

    public void putBootstrap(UUID device, byte[] image) throws AuthorityException {
        send(HttpRequest.newBuilder(device(device, "/bootstrap")).PUT(HttpRequest.BodyPublishers.ofByteArray(image)), 204);
    }

    public byte[] getBootstrap(UUID device) throws AuthorityException {
        return send(HttpRequest.newBuilder(device(device, "/bootstrap")).GET(), 200);
    }

    private void owner(UUID device, String query) throws AuthorityException {
        send(HttpRequest.newBuilder(URI.create(device(device, "/owner") + "?" + query))
                .PUT(HttpRequest.BodyPublishers.noBody()), 204);
    }

    private URI device(UUID device, String suffix) {
        return base.resolve("/v1/devices/" + device + suffix);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private byte[] send(HttpRequest.Builder request, int expected) throws AuthorityException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "Trusted Authority unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "interrupted", e);
        }
        int status = response.statusCode();
        if (status == expected) {
            return response.body();
        }
        throw new AuthorityException(switch (status) {
            case 400 -> ErrorKind.MALFORMED;
            case 401 -> ErrorKind.UNAUTHENTICATED;
            case 403 -> ErrorKind.FORBIDDEN;
            case 404 -> ErrorKind.NOT_FOUND;
            case 413 -> ErrorKind.TOO_LARGE;
            default -> ErrorKind.UNAVAILABLE;
        }, "Trusted Authority answered " + status);
    }
}
