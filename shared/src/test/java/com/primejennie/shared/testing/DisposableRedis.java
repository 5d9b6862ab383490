package com.primejennie.shared.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway real Redis that a test may stop and start again on the same port, for outage and reconnect tests
 * that must not disturb the shared Redis. Runs the machine's {@code redis-server} binary (installed by .ci/run).
 */
public final class DisposableRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private DisposableRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts a new server on a free loopback port. */
    public static DisposableRedis start() {
        try {
            DisposableRedis redis = new DisposableRedis(freePort(), Files.createTempDirectory("disposable-redis"));
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a disposable Redis: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** (Re)starts the server on its port and waits until it accepts connections. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        String binary = findBinary();
        try {
            process = new ProcessBuilder(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        waitUntil(true, Duration.ofSeconds(10));
    }

    /** Stops the server (like an outage) and waits until the port is closed. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        waitUntil(false, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }

    private void waitUntil(boolean open, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isOpen() == open) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("disposable Redis on port " + port + " did not become "
                + (open ? "reachable" : "unreachable") + " within " + timeout);
    }

    private boolean isOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String findBinary() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("redis-server is not installed; .ci/run installs it (apt-get install redis-server)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
