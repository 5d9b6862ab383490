package com.primejennie.dashboard.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws}: every message published on the Redis channel {@code dashboard:stream} goes unchanged to every connected
 * client; a client's text {@code ping} is answered {@code pong}. Slow clients are bounded (send time and buffer) so
 * one stuck browser cannot hold the others back.
 */
public class DashboardStreamRelay extends TextWebSocketHandler implements MessageListener {

    public static final String CHANNEL = "dashboard:stream";
    private static final Logger log = LoggerFactory.getLogger(DashboardStreamRelay.class);

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        sessions.add(new ConcurrentWebSocketSessionDecorator(session, 5_000, 512 * 1024));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sessions.removeIf(s -> s.getId().equals(session.getId()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        if (message.getPayload().trim().equals("ping")) {
            sessions.stream().filter(s -> s.getId().equals(session.getId())).findFirst().orElse(session)
                    .sendMessage(new TextMessage("pong"));
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        broadcast(new String(message.getBody(), StandardCharsets.UTF_8));
    }

    /** Sends {@code text} to every open session; a failing one is closed and dropped. */
    public void broadcast(String text) {
        TextMessage frame = new TextMessage(text);
        for (WebSocketSession s : sessions) {
            try {
                if (s.isOpen()) {
                    s.sendMessage(frame);
                } else {
                    sessions.remove(s);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("dropping websocket {}: {}", s.getId(), e.getMessage());
                sessions.remove(s);
                try {
                    s.close(CloseStatus.SESSION_NOT_RELIABLE);
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    public int clientCount() {
        return sessions.size();
    }
}
