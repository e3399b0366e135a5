package org.assure.channels.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assure.channels.internal.coap.TransportBinding;
import org.assure.channels.internal.ip.IpTransports;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.keystore.Keystore;
import org.assure.keystore.internal.TestKeystores;

/**
 * One gateway in a test: the real keystore, the channel component and an IP transport on loopback, with its state
 * in a directory so it can be stopped and started again (a "reboot").
 */
public final class TestGateway implements AutoCloseable {
    static final SecureRandom RANDOM = new SecureRandom();

    final String name;
    final Path dir;
    final UUID deviceId = UUID.randomUUID();
    final KeyPair deviceKeys = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    final EcKey deviceKey = new EcKey(UUID.randomUUID(), Keys.encodePublic(deviceKeys.getPublic()),
            Keys.encodePrivate(deviceKeys.getPrivate()));
    final EcKey trustedAuthority;
    final String loopback;
    final List<String> restarts = new ArrayList<>();
    Keystore keystore;
    ChannelServiceComponent component;
    ChannelTransport transport;

    TestGateway(String name, Path dir, EcKey trustedAuthority, String loopback) {
        this.name = name;
        this.dir = dir;
        this.trustedAuthority = trustedAuthority;
        this.loopback = loopback;
    }

    TestGateway start() throws Exception {
        keystore = TestKeystores.open(dir.resolve("keystore"), deviceId, deviceKey, trustedAuthority);
        component = new ChannelServiceComponent(TestConfigs.channels(Map.of()), keystore,
                () -> restarts.add("restart"), () -> restarts.add("stop"));
        transport = IpTransports.loopback(loopback);
        component.addTransport(transport);
        return this;
    }

    /** Stops everything, as a power cycle would (RAM is lost; the directories stay). */
    void stop() {
        if (component != null) {
            component.deactivate();
            component = null;
        }
        if (keystore != null) {
            TestKeystores.close(keystore);
            keystore = null;
        }
    }

    TransportBinding binding() {
        return component.dtls().bindings().get(0);
    }

    int port(ChannelKind kind) {
        return binding().localPort(kind);
    }

    EcKey devicePublicKey() {
        return EcKey.publicKey(deviceKey.keyId(), deviceKey.publicKey());
    }

    @Override
    public void close() {
        stop();
    }
}
