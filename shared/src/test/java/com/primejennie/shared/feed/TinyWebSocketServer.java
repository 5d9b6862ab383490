package com.primejennie.shared.feed;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal RFC 6455 server for feed tests that must not wait for a full KIS simulator: it accepts connections,
 * records every text message clients send, pushes text frames to the current client and can drop the connection
 * without a close handshake (what a network failure looks like).
 */
public final class TinyWebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Socket current;
    private volatile OutputStream out;

    public TinyWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "tiny-ws");
        t.setDaemon(true);
        t.start();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** How many connections were accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Every text message received, in order. */
    public List<String> received() {
        return List.copyOf(all);
    }

    /** Waits for the next message from a client. */
    public String nextMessage(long seconds) throws InterruptedException {
        String m = received.poll(seconds, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no client message within " + seconds + " s; got so far " + all);
        }
        return m;
    }

    /** Sends a text frame to the current client. */
    public synchronized void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) (((long) payload.length >>> (8 * i)) & 0xFF));
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Drops the current connection without a close frame. */
    public void drop() throws IOException {
        Socket s = current;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        drop();
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                handshake(s);
                current = s;
                out = s.getOutputStream();
                connections.incrementAndGet();
                Thread reader = new Thread(() -> readLoop(s), "tiny-ws-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private static void handshake(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof in handshake");
            }
            head.append((char) b);
        }
        String key = head.toString().lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    private void readLoop(Socket s) {
        try {
            DataInputStream in = new DataInputStream(s.getInputStream());
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] data = new byte[(int) len];
                in.readFully(data);
                for (int i = 0; i < data.length; i++) {
                    data[i] ^= mask[i % 4];
                }
                if (opcode == 0x8) {
                    s.close();
                    return;
                }
                if (opcode == 0x9) { // ping -> pong
                    synchronized (this) {
                        OutputStream o = s.getOutputStream();
                        o.write(0x8A);
                        o.write(data.length);
                        o.write(data);
                        o.flush();
                    }
                    continue;
                }
                if (opcode == 0x1 || opcode == 0x0) {
                    message.write(data);
                    if ((b0 & 0x80) != 0) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        all.add(text);
                        received.add(text);
                    }
                }
            }
        } catch (IOException e) {
            // connection gone
        }
    }
}
