package org.assure.itests.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP relay between one client and a server on loopback that remembers what the client sent, so a test can
 * replay or garble it: a man in the middle with the network's powers and no keys.
 */
final class Relay implements AutoCloseable {
    private final DatagramSocket clientSide;
    private final DatagramSocket serverSide;
    private final InetSocketAddress server;
    private final List<byte[]> fromClient = new CopyOnWriteArrayList<>();
    private final Thread up;
    private final Thread down;
    private volatile InetSocketAddress client;

    Relay(InetSocketAddress server) throws SocketException {
        this.server = server;
        this.clientSide = new DatagramSocket(new InetSocketAddress(Fixtures.LOOPBACK, 0));
        this.serverSide = new DatagramSocket(new InetSocketAddress(Fixtures.LOOPBACK, 0));
        this.up = pump(clientSide, true);
        this.down = pump(serverSide, false);
    }

    private Thread pump(DatagramSocket from, boolean upstream) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            while (!from.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    from.receive(packet);
                    byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
                    if (upstream) {
                        client = (InetSocketAddress) packet.getSocketAddress();
                        fromClient.add(data);
                        serverSide.send(new DatagramPacket(data, data.length, server));
                    } else if (client != null) {
                        clientSide.send(new DatagramPacket(data, data.length, client));
                    }
                } catch (IOException e) {
                    // closed
                }
            }
        }, upstream ? "relay-up" : "relay-down");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Where the client should send. */
    InetSocketAddress address() {
        return new InetSocketAddress(Fixtures.LOOPBACK, clientSide.getLocalPort());
    }

    /** The last datagram the client sent. */
    byte[] lastFromClient() {
        return fromClient.get(fromClient.size() - 1).clone();
    }

    /** Sends {@code datagram} to the server as if the client had sent it. */
    void inject(byte[] datagram) throws IOException {
        serverSide.send(new DatagramPacket(datagram, datagram.length, server));
    }

    @Override
    public void close() throws InterruptedException {
        clientSide.close();
        serverSide.close();
        up.join(2000);
        down.join(2000);
    }
}
