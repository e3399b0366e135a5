package org.assure.authority.internal.http;

import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 HTTPS server (core handlers, no servlet API) for one of the authority's APIs: TLS 1.2+ with the
 * authority's certificate, client certificates requested (not required — each route decides) and checked by JSSE
 * against {@code trusted}.
 */
public final class HttpsServer implements AutoCloseable {
    private static final char[] STORE_PASSWORD = "in-memory".toCharArray();
    private final Server server;
    private final ServerConnector connector;

    private HttpsServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static HttpsServer start(InetSocketAddress bind, PrivateKey key, X509Certificate[] chain,
            List<X509Certificate> trusted, Handler handler) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", key, STORE_PASSWORD, chain);
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        for (int i = 0; i < trusted.size(); i++) {
            trustStore.setCertificateEntry("trusted-" + i, trusted.get(i));
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(STORE_PASSWORD));
        ssl.setKeyManagerPassword(new String(STORE_PASSWORD));
        ssl.setTrustStore(trustStore);
        ssl.setWantClientAuth(true);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setEndpointIdentificationAlgorithm(null);

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("assure-https-" + bind.getPort());
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients reach the authority by IP literals as often as by name; the certificate names both anyway.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost(bind.getHostString());
        connector.setPort(bind.getPort());
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return new HttpsServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
