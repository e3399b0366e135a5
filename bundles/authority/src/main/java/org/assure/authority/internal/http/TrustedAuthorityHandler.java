package org.assure.authority.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.ta.ManagementSystems;
import org.assure.authority.internal.ta.ParameterSets;
import org.assure.authority.internal.ta.TrustedAuthority;
import org.assure.core.error.ErrorKind;
import org.assure.core.json.ConfigurationDataJson;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The Trusted Authority's HTTPS APIs (draft §9.2 Manufacturer API, §9.3 Owner API, plus the configuration data of
 * §15.2). Manufacturers are the holders of the configured client certificates (identified by the certificate's
 * SHA-256); owners are management systems presenting the certificate this authority issued them.
 */
public final class TrustedAuthorityHandler extends Handler.Abstract {
    private static final int MAX_DEVICE_UPLOAD = 64 * 1024;
    private static final String CASE_STRING = "case_string";
    private static final String MGMT_ID = "mgmtid";
    private static final String RELEASE = "NULL";

    private final TrustedAuthority ta;
    private final Set<String> manufacturers;
    private final Supplier<byte[]> publicDocument;

    /**
     * @param manufacturers  SHA-256 fingerprints (lower-case hex) of the manufacturers' client certificates
     * @param publicDocument the {@link AuthorityDocument} {@code GET /v1/authority} answers; {@code null} until the
     *                       authority is fully started (answered 503)
     */
    public TrustedAuthorityHandler(TrustedAuthority ta, Set<String> manufacturers, Supplier<byte[]> publicDocument) {
        this.ta = ta;
        this.manufacturers = Set.copyOf(manufacturers);
        this.publicDocument = publicDocument;
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            route(request, response, callback);
        } catch (AuthorityException e) {
            if (e.kind() == ErrorKind.NOT_IMPLEMENTED && "method not allowed".equals(e.getMessage())) {
                Http.respond(response, callback, 405, null, null);
            } else {
                Http.fail(response, callback, e);
            }
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback) throws AuthorityException {
        String[] s = Http.segments(request);
        String method = request.getMethod();
        if (s.length < 2 || !s[0].equals("v1")) {
            throw Http.notFound();
        }
        if (s.length == 2 && s[1].equals("authority")) {
            // Public (no client certificate): a manufacturer needs it before it can do anything else.
            require(method, "GET");
            Http.onlyParameters(Http.query(request), List.of());
            Http.body(request, 0);
            byte[] document = publicDocument.get();
            if (document == null) {
                throw new AuthorityException(ErrorKind.UNAVAILABLE, "starting");
            }
            Http.respond(response, callback, 200, Http.JSON, document);
            return;
        }
        if (s.length == 2 && s[1].equals("managementsystems")) {
            require(method, "POST");
            Http.onlyParameters(Http.query(request), List.of());
            byte[] cert = ta.managementSystems().register(Http.body(request, ManagementSystems.MAX_CSR));
            Http.respond(response, callback, 201, Http.CERTIFICATE, cert);
            return;
        }
        if (s[1].equals("parametersets") && s.length <= 3) {
            String manufacturer = manufacturer(request);
            Http.onlyParameters(Http.query(request), List.of());
            if (s.length == 2) {
                require(method, "POST");
                UUID id = ta.parameterSets().create(manufacturer, Http.body(request, ParameterSets.MAX_SIZE));
                Http.respond(response, callback, 201, "text/plain; charset=us-ascii",
                        id.toString().getBytes(StandardCharsets.US_ASCII));
                return;
            }
            UUID id = Http.uuid(s[2]);
            if (method.equals("PUT")) {
                ta.parameterSets().replace(manufacturer, id, Http.body(request, ParameterSets.MAX_SIZE));
                Http.respond(response, callback, 201, null, null);
                return;
            }
            require(method, "GET");
            Http.respond(response, callback, 200, Http.CBOR, ta.parameterSets().get(manufacturer, id));
            return;
        }
        if (!s[1].equals("devices") || s.length < 3 || s.length > 4) {
            throw Http.notFound();
        }
        UUID device = Http.uuid(s[2]);
        if (s.length == 3) {
            require(method, "PUT");
            String manufacturer = manufacturer(request);
            Http.onlyParameters(Http.query(request), List.of());
            ta.uploadDevice(manufacturer, device, Http.body(request, MAX_DEVICE_UPLOAD));
            Http.respond(response, callback, 201, null, null);
            return;
        }
        String owner = owner(request);
        Fields query = Http.query(request);
        switch (s[3]) {
            case "owner" -> {
                require(method, "PUT");
                Http.onlyParameters(query, List.of(CASE_STRING, MGMT_ID));
                Optional<String> caseString = Optional.ofNullable(query.getValue(CASE_STRING));
                Optional<Optional<String>> target = Optional.empty();
                String mgmtId = query.getValue(MGMT_ID);
                if (mgmtId != null) {
                    target = Optional.of(mgmtId.equals(RELEASE) ? Optional.empty()
                            : Optional.of(ManagementSystems.parseMgmtId(mgmtId).orElseThrow(
                                    () -> new AuthorityException(ErrorKind.MALFORMED, "malformed mgmtid"))));
                }
                if (caseString.isPresent() && target.isPresent() && target.get().isEmpty()) {
                    throw new AuthorityException(ErrorKind.MALFORMED, "cannot claim and release at once");
                }
                Http.body(request, 0);
                ta.changeOwner(owner, device, caseString, target);
                Http.respond(response, callback, 204, null, null);
            }
            case "parameterset" -> {
                require(method, "GET");
                Http.onlyParameters(query, List.of());
                Http.respond(response, callback, 200, Http.CBOR, ta.deviceParameterSet(owner, device));
            }
            case "configuration" -> {
                require(method, "GET");
                Http.onlyParameters(query, List.of());
                Http.respond(response, callback, 200, Http.JSON,
                        ConfigurationDataJson.encode(ta.configuration(owner, device)));
            }
            case "bootstrap" -> {
                Http.onlyParameters(query, List.of());
                if (method.equals("PUT")) {
                    ta.putBootstrap(owner, device, Http.body(request, TrustedAuthority.MAX_IMAGE));
                    Http.respond(response, callback, 204, null, null);
                    return;
                }
                require(method, "GET");
                Http.respond(response, callback, 200, Http.CBOR, ta.getBootstrap(owner, device));
            }
            default -> throw Http.notFound();
        }
    }

    private static void require(String method, String expected) throws AuthorityException {
        if (!method.equals(expected)) {
            throw Http.methodNotAllowed();
        }
    }

    private String manufacturer(Request request) throws AuthorityException {
        X509Certificate cert = Http.clientCertificate(request)
                .orElseThrow(() -> new AuthorityException(ErrorKind.UNAUTHENTICATED, "client certificate required"));
        String id = fingerprint(cert);
        if (!manufacturers.contains(id)) {
            throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "not a manufacturer");
        }
        return id;
    }

    private String owner(Request request) throws AuthorityException {
        X509Certificate cert = Http.clientCertificate(request)
                .orElseThrow(() -> new AuthorityException(ErrorKind.UNAUTHENTICATED, "client certificate required"));
        String mgmtId = ManagementSystems.mgmtId(cert.getSerialNumber());
        Optional<ManagementSystems.ManagementSystem> ms = ta.managementSystems().find(mgmtId);
        try {
            // Equality with the certificate we issued also rules out a manufacturer's CA reusing a serial.
            if (ms.isEmpty() || !ms.get().certificate().equals(org.assure.core.model.Bytes.of(cert.getEncoded()))) {
                throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "not a registered management system");
            }
        } catch (CertificateEncodingException e) {
            throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "not a registered management system");
        }
        return mgmtId;
    }
}
