package org.assure.authority.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.assure.authority.AuthorityException;
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
    private final byte[] expectedAuthorization;

    public RegistrationHandler(Registrar registrar, String user, char[] password) {
        this.registrar = registrar;
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

    private static void expect(String method, String expected) throws AuthorityException {
        if (!method.equals(expected)) {
            throw Http.methodNotAllowed();
        }
    }
}
