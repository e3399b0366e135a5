package org.assure.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** CMS envelope files: DER as PROFILE §4 carries them, or the PEM ({@code -----BEGIN CMS-----}) OpenSSL can write. */
final class Envelopes {
    private static final String PEM_START = "-----BEGIN ";

    private Envelopes() {
    }

    static byte[] readDer(String file, InputStream stdin) {
        byte[] data = Inputs.read(file, stdin);
        String start = new String(data, 0, Math.min(data.length, 64), StandardCharsets.US_ASCII).stripLeading();
        if (!start.startsWith(PEM_START)) {
            return data;
        }
        try (PemReader reader = new PemReader(new StringReader(new String(data, StandardCharsets.US_ASCII)))) {
            PemObject pem = reader.readPemObject();
            if (pem == null || !(pem.getType().equals("CMS") || pem.getType().equals("PKCS7"))) {
                throw new CliException(file + ": expected DER or a CMS PEM block");
            }
            return pem.getContent();
        } catch (IOException | RuntimeException e) {
            if (e instanceof CliException cli) {
                throw cli;
            }
            throw new CliException(file + ": unreadable PEM");
        }
    }
}
