package cn.ruralwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Ports nothing listens on right now. */
public final class FreePorts {

    /** Where {@link #stable()} looks: above the usual services, below any dynamic range in use (32768 and up). */
    private static final int STABLE_FROM = 20000;

    private static final int STABLE_BELOW = 32768;

    private FreePorts() {}

    /** Any free port the system picks: it lies in the dynamic range, so only for what never restarts on it. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /**
     * A free port below the system's dynamic range. The system never hands such a port to an outgoing connection, so a
     * server stopped and started again finds its port still free (one from {@link #any()} may meanwhile be the local
     * end of a client's connection).
     */
    public static int stable() {
        int below = Math.min(STABLE_BELOW, dynamicRange()[0]);
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(STABLE_FROM, below);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + STABLE_FROM + " and " + below);
    }

    /**
     * Whether nothing listens on the port, on any address: a server that binds to all addresses (as the services do)
     * would fail on it otherwise.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers do: a port whose last connections are in TIME_WAIT can be listened on again
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /**
     * Fails at once, naming the port, what needed it and how to choose another, when the port is taken: a server
     * started on it would fail later, or wait for it.
     *
     * @param what e.g. {@code "PostgreSQL"}
     * @param remedy e.g. {@code "set RURALWATCH_POSTGRES_PORT to a free port"}
     */
    public static void requireFree(int port, String what, String remedy) {
        if (!isFree(port)) {
            throw new PortInUseException(
                    port,
                    "Port " + port + " for " + what + " is in use by another program: " + remedy
                            + ", or stop that program");
        }
    }

    /** The ports the system hands to outgoing connections: Linux's {@code ip_local_port_range}, else IANA's. */
    public static int[] dynamicRange() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim()
                    .split("\\s+");
            return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
        } catch (IOException | RuntimeException notLinux) {
            return new int[] {49152, 65535};
        }
    }

    public static boolean inDynamicRange(int port) {
        int[] range = dynamicRange();
        return port >= range[0] && port <= range[1];
    }

    /** A port another program holds. */
    public static final class PortInUseException extends IllegalStateException {

        private final int port;

        public PortInUseException(int port, String message) {
            super(message);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
