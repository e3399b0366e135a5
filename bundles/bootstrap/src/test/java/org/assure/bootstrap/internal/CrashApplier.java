package org.assure.bootstrap.internal;

import java.nio.file.Path;
import java.util.Optional;
import org.assure.bootstrap.internal.coap.CoapMessageDecoder;
import org.assure.channels.ChannelManager;
import org.assure.channels.internal.BootstrapTestChannels;
import org.assure.core.model.Bytes;
import org.assure.keystore.Keystore;
import org.assure.keystore.internal.BootstrapTestKeystores;

/**
 * The JVM the crash test kills: opens the real keystore and channel component in a directory and applies images
 * {@code stored+1, stored+2, ...} back to back until it is killed, announcing on stdout {@code READY s} (owner
 * sequence on start), {@code BEGIN n} (just before image n's keystore transaction starts) and {@code DONE n}
 * (after its commit). stdout is the protocol with the test, hence the prints.
 */
public final class CrashApplier {
    private CrashApplier() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        CrashWorld world = CrashWorld.read(Path.of(args[1]));
        Keystore keystore = BootstrapTestKeystores.open(data.resolve("keystore"), world.deviceId,
                world.deviceAnchor(), world.trustedAuthorityAnchor(), 1);
        ChannelManager channels = BootstrapTestChannels.open(keystore);
        ImageApplier applier = new ImageApplier(keystore, channels,
                new DeviceManagementReplay(BootstrapTestChannels.api(channels)), new CoapMessageDecoder(),
                Optional::empty);
        long n = keystore.ownerSequence();
        System.out.println("READY " + n);
        System.out.flush();
        // Below the keystore's and channels' capacity of 64 (each image adds a key and a channel); past it the JVM
        // idles until killed, and the test moves to a fresh gateway.
        while (n < 60) {
            n++;
            FetchedImage image = new FetchedImage(Bytes.of(world.image(n)), Optional.of(world.serverPublicKey()));
            System.out.println("BEGIN " + n);
            System.out.flush();
            long applied = applier.apply(image);
            System.out.println("DONE " + applied);
            System.out.flush();
        }
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
