package com.primejennie.dashboard.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.primejennie.dashboard.support.DashboardTestBase;

/** {@code /ws}: token as query parameter, {@code dashboard:stream} messages relayed unchanged, ping → pong. */
class WebSocketRelayTest extends DashboardTestBase {

    static final String SIGNAL = "{\"type\":\"buy_signal\",\"data\":{\"stock_code\":\"005930\",\"stock_name\":"
            + "\"삼성전자\",\"price\":71000,\"time\":\"10:01:02\",\"signal_type\":\"GOLDEN_CROSS\",\"reason\":\"골든크로스\","
            + "\"regime\":\"BULL\"}}";

    @Test
    void relaysAPublishedMessageAndAnswersPing() throws Exception {
        String token = login();
        Frames frames = new Frames();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?token=" + token), frames)
                .get(15, TimeUnit.SECONDS);
        ws.sendText("ping", true).get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).isEqualTo("pong");

        String received = null;
        for (int attempt = 0; attempt < 50 && received == null; attempt++) { // until the subscription is live
            redis.convertAndSend("dashboard:stream", SIGNAL);
            received = frames.queue.poll(200, TimeUnit.MILLISECONDS);
        }
        assertThat(received).isEqualTo(SIGNAL);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void refusesTheHandshakeWithoutToken() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Frames()).get(15, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse()
                        .statusCode()).isEqualTo(401));
    }

    private String login() {
        var answer = anonymous().post("/api/auth/login", "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
                + "\"}");
        return answer.json().get("access_token").asString();
    }

    /** Collects text frames. */
    static final class Frames implements WebSocket.Listener {

        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            return queue.poll(10, TimeUnit.SECONDS);
        }
    }
}
