package com.primejennie.kissim.websocket;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One client connection: its registrations ({@code tr_id|tr_key}, KIS caps them per session) and the notice cipher.
 * Sends are thread-safe (the pump and the handler both write).
 */
final class RealtimeSession {

    private final WebSocketSession socket;
    private final NoticeCipher cipher;
    private final Set<String> registrations = new LinkedHashSet<>();

    RealtimeSession(WebSocketSession socket, NoticeCipher cipher) {
        this.socket = new ConcurrentWebSocketSessionDecorator(socket, 5_000, 4 * 1024 * 1024);
        this.cipher = cipher;
    }

    String id() {
        return socket.getId();
    }

    NoticeCipher cipher() {
        return cipher;
    }

    synchronized boolean registered(String trId, String trKey) {
        return registrations.contains(trId + "|" + trKey);
    }

    synchronized int registrationCount() {
        return registrations.size();
    }

    synchronized boolean register(String trId, String trKey) {
        return registrations.add(trId + "|" + trKey);
    }

    synchronized boolean unregister(String trId, String trKey) {
        return registrations.remove(trId + "|" + trKey);
    }

    synchronized java.util.List<String> keys(String trId) {
        return registrations.stream().filter(r -> r.startsWith(trId + "|"))
                .map(r -> r.substring(trId.length() + 1)).toList();
    }

    synchronized boolean wantsNotices() {
        return registrations.stream().anyMatch(r -> r.startsWith(RealtimeHub.NOTICE_REAL + "|")
                || r.startsWith(RealtimeHub.NOTICE_PAPER + "|"));
    }

    synchronized String noticeTrId() {
        return registrations.stream().anyMatch(r -> r.startsWith(RealtimeHub.NOTICE_PAPER + "|"))
                ? RealtimeHub.NOTICE_PAPER : RealtimeHub.NOTICE_REAL;
    }

    void send(String text) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(text));
        } catch (IOException | IllegalStateException e) {
            // the client went away; the handler's close callback removes the session
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
