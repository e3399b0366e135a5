package org.assure.itests.osgi;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Reads the certificate chain a TLS server presents (nothing is sent over the connection). */
final class Tls {
    private Tls() {
    }

    static X509Certificate[] serverChain(int port) throws IOException, GeneralSecurityException {
        AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
        X509TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("client side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen.set(chain.clone());
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recorder}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                port)) {
            socket.startHandshake();
        } catch (SSLException e) {
            // a server that wants a client certificate may end the handshake; the chain was seen before that
        }
        if (seen.get() == null) {
            throw new IOException("no server certificate from port " + port);
        }
        return seen.get();
    }
}
