package org.assure.authority.internal.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS client contexts for talking to the authority's HTTPS APIs: trusting its CA, optionally with a client key. */
public final class TlsContexts {
    private static final char[] PASSWORD = "in-memory".toCharArray();

    private TlsContexts() {
    }

    public record ClientKey(PrivateKey key, X509Certificate certificate) {
    }

    public static SSLContext client(List<X509Certificate> trusted, Optional<ClientKey> clientKey) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                trust.setCertificateEntry("ca-" + i, trusted.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (clientKey.isPresent()) {
                keys.setKeyEntry("client", clientKey.get().key(), PASSWORD,
                        new X509Certificate[] {clientKey.get().certificate()});
            }
            kmf.init(keys, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a TLS client context", e);
        }
    }
}
