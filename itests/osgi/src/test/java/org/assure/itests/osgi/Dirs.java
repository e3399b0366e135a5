package org.assure.itests.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the in-framework tests keep files (under target/), and free ports on the loopback interface. */
final class Dirs {
    private Dirs() {
    }

    /** A new directory for one test under target/itests. */
    static Path fresh(String name) {
        try {
            Path base = Path.of(System.getProperty("assure.itests.dir", "target/itests")).toAbsolutePath();
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free UDP port whose next port is free too (a gateway's management and data ports). */
    static int freeUdpPortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket first = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port < 65535) {
                    try (DatagramSocket second = new DatagramSocket(port + 1, InetAddress.getLoopbackAddress())) {
                        return port;
                    } catch (SocketException taken) {
                        // try another
                    }
                }
            } catch (SocketException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free pair of UDP ports");
    }

    /** Whether some socket is bound to UDP {@code port} on the loopback address. */
    static boolean udpPortInUse(int port) {
        try (DatagramSocket socket = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    static boolean tcpPortAccepts(int port) {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
