package com.primejennie.newsarchiver.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A quick look at the local Docker engine over its Unix socket, before Testcontainers is asked to do anything: its
 * image pulls retry for minutes where no registry answers. Says why a Docker-backed test cannot run, or nothing.
 */
public final class DockerProbe {

    private static final Path SOCKET = Path.of("/var/run/docker.sock");

    private DockerProbe() {
    }

    /** Why {@code image} cannot be run here, or empty when the engine answers and has the image. */
    public static Optional<String> whyNotRunnable(String image) {
        if (!Files.exists(SOCKET)) {
            return Optional.of("no Docker engine here (no " + SOCKET + ")");
        }
        int status;
        try {
            status = status("GET /images/" + image + "/json HTTP/1.0\r\nHost: docker\r\n\r\n");
        } catch (IOException e) {
            return Optional.of("the Docker engine at " + SOCKET + " does not answer (" + e.getMessage() + ")");
        }
        if (status == 200) {
            return Optional.empty();
        }
        return Optional.of("the Docker engine has no image " + image + " (HTTP " + status
                + ") and this machine cannot pull from a registry; run `docker pull " + image + "` to enable");
    }

    private static int status(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(SOCKET));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(256);
            while (out.size() < 16 && channel.read(buffer) > 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String head = out.toString(StandardCharsets.US_ASCII);
            String[] parts = head.split(" ");
            if (parts.length < 2) {
                throw new IOException("unexpected answer '" + head + "'");
            }
            return Integer.parseInt(parts[1].trim());
        }
    }
}
