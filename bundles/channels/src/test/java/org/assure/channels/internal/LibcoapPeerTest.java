package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assure.channels.ChannelOrigin;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.CborWriter;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.Validity;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libcoap's {@code coap-client-gnutls}, a third-party DTLS/CoAP client, reaches {@code /v1/ping} and
 * {@code /v1/info} over a gateway channel with a PSK that the management system installed through the API: a
 * derived secret, enveloped to the gateway's device key, authenticated by the management system.
 */
class LibcoapPeerTest {
    private static final String CLIENT = "/usr/bin/coap-client-gnutls";
    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    private ManagementPeer m;
    private TestGateway g;

    @AfterEach
    void stop() {
        if (g != null) {
            g.close();
        }
        if (m != null) {
            m.close();
        }
    }

    @Test
    void libcoap_pings_and_reads_info_over_a_psk_channel() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLIENT)), "libcoap3-bin (coap-client-gnutls) is not installed");
        m = new ManagementPeer(HOST).start();
        g = new TestGateway("G", dir.resolve("g"), m.taKey, HOST).start();
        m.admit(g);
        g.keystore.importKey(m.managementKey());
        long management = g.component.create(new ChannelConfiguration(g.deviceKey.keyId(), Optional.of(m.key.keyId()),
                ChannelFlags.management(true, true), IpAddress.of(InetAddress.getByName(HOST), 0, m.port())),
                ChannelOrigin.LOCAL);
        ManagementPeer.await(() -> g.component.channel(management).map(c -> c.state().code() == 3).orElse(false),
                java.time.Duration.ofSeconds(20), "management channel open");

        // libcoap 4.3.1 takes the PSK as ASCII text of at most 64 bytes (DTLS-NOTES): 32 hex digits
        byte[] raw = new byte[16];
        TestGateway.RANDOM.nextBytes(raw);
        String pskText = HexFormat.of().formatHex(raw);
        SecretBytes psk = SecretBytes.wrap(pskText.getBytes(StandardCharsets.US_ASCII));
        DerivedSecretKey pskKey = DerivedSecrets.create(java.util.UUID.randomUUID(), psk,
                List.of(new DerivationReference.Public(g.deviceKey.keyId(),
                        Keys.publicKey(KeyFormat.EC, g.deviceKey.publicKey()), CmsOptions.DEFAULT)),
                TestGateway.RANDOM);
        AuthenticatedKey authenticated = SigningKey.of(m.key.keyId(), m.keys.getPrivate())
                .authenticate(IdentityClass.CHANNEL, pskKey, KeyMetadata.NONE, Validity.UNBOUNDED);
        assertThat(m.request(g, CoAP.Code.PUT, "/v1/keys/" + pskKey.keyId(),
                AuthenticatedKeyCodec.encode(authenticated)).getCode()).isEqualTo(ResponseCode.CREATED);
        ChannelConfiguration channel = new ChannelConfiguration(pskKey.keyId(), Optional.empty(),
                ChannelFlags.data(false, false), IpAddress.of(InetAddress.getByName(HOST), 0, 5683));
        assertThat(m.request(g, CoAP.Code.PUT, "/v1/channels/30", ChannelConfigurationCodec.encode(channel))
                .getCode()).isEqualTo(ResponseCode.CREATED);

        // PROFILE §6: the PSK identity is base64 of the CBOR byte string of the key's UUID
        String identity = Base64.getEncoder().encodeToString(CborWriter.encode(w -> w.uuid(pskKey.keyId())));
        String base = "coaps://" + HOST + ":" + g.port(ChannelKind.DATA);

        Path pong = dir.resolve("pong");
        assertThat(run(pskText, identity, "-m", "get", "-e", "hello libcoap", "-o", pong.toString(), base + "/v1/ping"))
                .isZero();
        assertThat(Files.readString(pong)).isEqualTo("hello libcoap");

        Path info = dir.resolve("info");
        assertThat(run(pskText, identity, "-m", "get", "-o", info.toString(), base + "/v1/info")).isZero();
        assertThat(DeviceInfoCodec.decode(Files.readAllBytes(info)).deviceId()).isEqualTo(g.deviceId);

        // the same client without privileges cannot list keys: libcoap reports the 4.01 and its diagnostic
        Path keys = dir.resolve("keys.log");
        run(keys, pskText, identity, "-m", "get", base + "/v1/keys");
        assertThat(Files.readString(keys)).contains("4.01").contains("channel lacks the privilege");
    }

    private int run(String psk, String identity, String... args) throws IOException, InterruptedException {
        return run(dir.resolve("client.log"), psk, identity, args);
    }

    private static int run(Path log, String psk, String identity, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLIENT, "-B", "10", "-k", psk, "-u", identity));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("coap-client-gnutls did not finish");
        }
        return process.exitValue();
    }
}
