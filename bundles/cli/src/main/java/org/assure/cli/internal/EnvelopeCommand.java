package org.assure.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assure.core.crypto.CmsEnvelopes;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assure envelope}: seals a secret for an EC or RSA key as the DER CMS envelope of PROFILE §4, the
 * {@code encrypted_secret} of a derivation whose reference key is that key.
 */
@Command(name = "envelope",
        description = {"Seal a secret in a DER CMS envelope for an EC or RSA public key (PROFILE §4).",
                "EC: ephemeral-static ECDH (dhSinglePass-stdDH-sha256kdf-scheme) with AES key wrap; RSA: RSAES-OAEP;",
                "content AES-CBC; the recipient is named by subjectKeyIdentifier = the 16 bytes of --key-id.",
                "Prints nothing; the envelope is the encrypted_secret of a derivation from that key."})
final class EnvelopeCommand implements Callable<Integer> {
    @ParentCommand
    private AssureCommand parent;

    @Option(names = "--recipient", required = true, paramLabel = "PUBKEY.pem", description = "SubjectPublicKeyInfo PEM (EC or RSA).")
    private String recipient;

    @Option(names = "--key-id", required = true, paramLabel = "UUID", description = "The recipient key's UUID.")
    private UUID keyId;

    @Option(names = "--secret", required = true, paramLabel = "HEX", description = "The secret, 16 to 64 bytes.")
    private String secretHex;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the DER envelope.")
    private Path out;

    @Option(names = "--aes256", description = "AES-256 instead of AES-128 (only for devices that support it).")
    private boolean aes256;

    @Option(names = "--digest", paramLabel = "SHA-256|SHA-384|SHA-512", defaultValue = "SHA-256",
            description = "ECDH KDF or OAEP digest (default: ${DEFAULT-VALUE}).")
    private String digest;

    @Override
    public Integer call() {
        CmsOptions options;
        try {
            options = new CmsOptions(aes256, digest);
        } catch (IllegalArgumentException e) {
            throw new CliException("--digest must be SHA-256, SHA-384 or SHA-512");
        }
        PublicKey key = PemFiles.publicKey(recipient, parent.stdin());
        byte[] secret = Hex.parse(secretHex, "--secret");
        try {
            if (secret.length < SecretDerivation.MIN_SECRET_LENGTH || secret.length > SecretDerivation.MAX_SECRET_LENGTH) {
                throw new CliException("--secret must be " + SecretDerivation.MIN_SECRET_LENGTH + " to "
                        + SecretDerivation.MAX_SECRET_LENGTH + " bytes");
            }
            Bytes envelope = CmsEnvelopes.seal(key, keyId, secret, options, new SecureRandom());
            Files.write(out, envelope.toByteArray());
        } catch (IOException e) {
            throw new CliException("cannot write " + out + ": " + Inputs.reason(e));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return AssureMain.EXIT_OK;
    }
}
