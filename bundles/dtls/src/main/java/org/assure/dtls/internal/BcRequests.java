package org.assure.dtls.internal;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import org.bouncycastle.tls.ClientHello;
import org.bouncycastle.tls.DTLSRequest;

/**
 * Hands a ClientHello whose cookie the engine verified itself to BouncyCastle's server handshake (raw public keys
 * still run there). {@link DTLSRequest}'s constructor is package-private — BouncyCastle expects its own
 * {@code DTLSVerifier} to build it — hence reflection, like {@link RecordLayerAccess}.
 */
final class BcRequests {
    private static final Constructor<DTLSRequest> CONSTRUCTOR;

    static {
        try {
            CONSTRUCTOR = DTLSRequest.class.getDeclaredConstructor(long.class, byte[].class, ClientHello.class);
            CONSTRUCTOR.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private BcRequests() {
    }

    /**
     * @param recordSeq the ClientHello record's sequence number
     * @param message   the whole handshake message (header and body)
     * @param body      its body
     * @return null if BouncyCastle does not accept the ClientHello
     */
    static DTLSRequest request(long recordSeq, byte[] message, byte[] body) {
        try {
            // A non-null output makes BouncyCastle parse the DTLS form (with the cookie); what it copies there is
            // what its own verifier would MAC, unused here.
            ClientHello hello = ClientHello.parse(new ByteArrayInputStream(body), new java.io.ByteArrayOutputStream());
            return CONSTRUCTOR.newInstance(recordSeq, message, hello);
        } catch (ReflectiveOperationException | java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
