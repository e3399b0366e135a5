package org.assure.authority.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.core.error.ErrorKind;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every JSON/binary HTTPS handler of the authority shares: bounded bodies, the client certificate, strict
 * query parameters, and error answers as the draft's status codes with short fixed texts (never input, never
 * exception messages with secrets).
 */
public final class Http {
    private static final Logger DROPS = LoggerFactory.getLogger("org.assure.authority.drops");
    public static final String JSON = "application/json";
    public static final String CBOR = "application/cbor";
    public static final String BINARY = "application/octet-stream";
    public static final String CERTIFICATE = "application/pkix-cert";

    private Http() {
    }

    /**
     * The request body, refused with 413 above {@code max} bytes (by Content-Length or by what arrives). A refused
     * body of up to {@link #DRAIN_LIMIT} bytes is read and discarded first: answering while the client is still
     * sending would make the closing connection reset, and the client would lose the 413 with it.
     */
    public static byte[] body(Request request, int max) throws AuthorityException {
        long declared = request.getLength();
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > max) {
                drain(in, declared);
                throw new AuthorityException(ErrorKind.TOO_LARGE, "request body too large");
            }
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) {
                drain(in, DRAIN_LIMIT);
                throw new AuthorityException(ErrorKind.TOO_LARGE, "request body too large");
            }
            return data;
        } catch (IOException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "request body unreadable");
        }
    }

    /** The most a refused request body is read for (beyond it the connection is simply closed). */
    static final long DRAIN_LIMIT = 1L << 20;

    private static void drain(InputStream in, long declared) throws IOException {
        if (declared <= DRAIN_LIMIT) {
            long left = declared;
            byte[] sink = new byte[8192];
            while (left > 0) {
                int n = in.read(sink, 0, (int) Math.min(sink.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        }
    }

    /** The TLS client certificate the request came with, if any (JSSE has already verified its chain). */
    public static Optional<X509Certificate> clientCertificate(Request request) {
        Object data = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        if (data instanceof EndPoint.SslSessionData ssl && ssl.peerCertificates() != null
                && ssl.peerCertificates().length > 0) {
            return Optional.of(ssl.peerCertificates()[0]);
        }
        return Optional.empty();
    }

    /** Query parameters; a parameter given twice is malformed. */
    public static Fields query(Request request) throws AuthorityException {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "malformed query");
        }
        for (Fields.Field f : fields) {
            if (f.getValues().size() != 1) {
                throw new AuthorityException(ErrorKind.MALFORMED, "repeated query parameter");
            }
        }
        return fields;
    }

    /** Allows only {@code names} as query parameters. */
    public static void onlyParameters(Fields fields, List<String> names) throws AuthorityException {
        for (Fields.Field f : fields) {
            if (!names.contains(f.getName())) {
                throw new AuthorityException(ErrorKind.MALFORMED, "unknown query parameter");
            }
        }
    }

    public static UUID uuid(String text) throws AuthorityException {
        if (text == null || text.length() != 36) {
            throw new AuthorityException(ErrorKind.MALFORMED, "malformed UUID");
        }
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new AuthorityException(ErrorKind.MALFORMED, "malformed UUID");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "malformed UUID");
        }
    }

    /** Path segments after the leading slash; empty segments are kept so that "//" never matches a route. */
    public static String[] segments(Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/")) {
            return new String[0];
        }
        return path.substring(1).split("/", -1);
    }

    public static void respond(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (body == null || body.length == 0) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Answers a refused request with the draft's code for its kind and a fixed text. */
    public static void fail(Response response, Callback callback, AuthorityException e) {
        int status = status(e.kind());
        if (status >= 500) {
            DROPS.warn("request failed: {}", e.getMessage(), e.getCause());
        } else {
            DROPS.debug("request refused: {} {}", status, e.getMessage());
        }
        respond(response, callback, status, "text/plain; charset=utf-8",
                e.getMessage().getBytes(StandardCharsets.UTF_8));
    }

    public static int status(ErrorKind kind) {
        return switch (kind) {
            case MALFORMED -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_FORMAT -> 415;
            case NOT_IMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
    }

    public static AuthorityException notFound() {
        return new AuthorityException(ErrorKind.NOT_FOUND, "no such resource");
    }

    public static AuthorityException methodNotAllowed() {
        // Mapped to 405 by the handlers (ErrorKind has no such kind; the HTTP layer owns this one).
        return new AuthorityException(ErrorKind.NOT_IMPLEMENTED, "method not allowed");
    }
}
