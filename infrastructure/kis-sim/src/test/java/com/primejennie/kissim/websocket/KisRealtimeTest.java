package com.primejennie.kissim.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.primejennie.kissim.SimTestSupport;
import com.primejennie.kissim.market.Ticks;

import tools.jackson.databind.JsonNode;

/** The real-time WebSocket in KIS's protocol, over a real socket. */
class KisRealtimeTest extends SimTestSupport {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private String approvalKey;

    @BeforeEach
    void connect() throws Exception {
        approvalKey = post("/oauth2/Approval", Map.of("grant_type", "client_credentials", "appkey", appKey,
                "secretkey", "s"), Map.of()).json().path("approval_key").asString();
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/tryitout/H0STCNT0"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        socket.abort();
    }

    @Test
    void subscribeIsAcknowledgedWithKeyAndIvLikeKis() throws Exception {
        JsonNode ack = subscribe("1", "H0STCNT0", "005930");
        assertThat(ack.path("header").path("tr_id").asString()).isEqualTo("H0STCNT0");
        assertThat(ack.path("header").path("tr_key").asString()).isEqualTo("005930");
        assertThat(ack.path("body").path("rt_cd").asString()).isEqualTo("0");
        assertThat(ack.path("body").path("msg1").asString()).isEqualTo("SUBSCRIBE SUCCESS");
        assertThat(ack.path("body").path("output").path("key").asString()).hasSize(32);
        assertThat(ack.path("body").path("output").path("iv").asString()).hasSize(16);

        assertThat(subscribe("1", "H0STCNT0", "005930").path("body").path("msg1").asString())
                .isEqualTo("ALREADY IN SUBSCRIBE");
        assertThat(subscribe("2", "H0STCNT0", "005930").path("body").path("msg1").asString())
                .isEqualTo("UNSUBSCRIBE SUCCESS");
    }

    @Test
    void streamsSeveralTradeRecordsPerFrameInCcnlKrxFieldOrder() throws Exception {
        subscribe("1", "H0STCNT0", "005930");
        advance("PT10S"); // ten trades at one per second of market time

        String frame = nextFrame("0|H0STCNT0|");
        String[] parts = frame.split("\\|", 4);
        int count = Integer.parseInt(parts[2]);
        assertThat(count).as("records in one frame").isGreaterThan(1);
        String[] f = parts[3].split("\\^");
        assertThat(f).hasSize(count * TradeRecords.TRADE_FIELDS);
        long previousCumulative = 0;
        for (int r = 0; r < count; r++) {
            int o = r * TradeRecords.TRADE_FIELDS;
            assertThat(f[o]).isEqualTo("005930");
            assertThat(f[o + 1]).matches("1000(0[1-9]|10)");
            long price = Long.parseLong(f[o + 2]);
            assertThat(Ticks.isValid(price)).isTrue();
            assertThat(Long.parseLong(f[o + 8])).as("index 8 is the day high").isGreaterThanOrEqualTo(price);
            assertThat(Long.parseLong(f[o + 9])).as("index 9 is the day low").isLessThanOrEqualTo(price);
            assertThat(f[o + 5]).as("index 5 is the % change, not the high").matches("-?\\d+\\.\\d\\d");
            long volume = Long.parseLong(f[o + 12]);
            long cumulative = Long.parseLong(f[o + 13]);
            assertThat(volume).isPositive();
            assertThat(cumulative).isGreaterThan(previousCumulative);
            previousCumulative = cumulative;
            assertThat(f[o + 33]).isEqualTo("20260304");
        }
    }

    @Test
    void registrationsPerSessionAreCappedAsKisCapsThem() throws Exception {
        admin("PUT", "/admin/settings", Map.of("maxRegistrations", 2));
        assertThat(subscribe("1", "H0STCNT0", "005930").path("body").path("rt_cd").asString()).isEqualTo("0");
        assertThat(subscribe("1", "H0STCNT0", "000660").path("body").path("rt_cd").asString()).isEqualTo("0");
        JsonNode over = subscribe("1", "H0STCNT0", "035420");
        assertThat(over.path("body").path("rt_cd").asString()).isEqualTo("1");
        assertThat(over.path("body").path("msg_cd").asString()).isEqualTo("OPSP0008");
        assertThat(over.path("body").path("msg1").asString()).isEqualTo("MAX SUBSCRIBE OVER");
    }

    @Test
    void defaultRegistrationLimitIsKisFortyOne() {
        assertThat(admin("GET", "/admin/state", null).json().path("maxRegistrations").asInt()).isEqualTo(41);
    }

    @Test
    void fillNoticesArriveEncryptedForTheAccountsOrders() throws Exception {
        JsonNode ack = subscribe("1", "H0STCNI9", "jennie");
        NoticeCipher cipher = new NoticeCipher(ack.path("body").path("output").path("key").asString(),
                ack.path("body").path("output").path("iv").asString());
        String odno = order("VTTC0012U", "005930", "01", 3, 0).path("output").path("ODNO").asString();

        String accepted = nextFrame("1|H0STCNI9|001|");
        String[] a = cipher.decrypt(accepted.split("\\|", 4)[3]).split("\\^");
        assertThat(a).hasSize(TradeRecords.NOTICE_FIELDS);
        assertThat(a[2]).isEqualTo(odno);
        assertThat(a[13]).as("CNTG_YN 1: order accepted").isEqualTo("1");

        String filled = nextFrame("1|H0STCNI9|001|");
        String[] n = cipher.decrypt(filled.split("\\|", 4)[3]).split("\\^");
        assertThat(n[1]).isEqualTo(cano + "01");
        assertThat(n[2]).isEqualTo(odno);
        assertThat(n[4]).as("buy").isEqualTo("02");
        assertThat(n[8]).isEqualTo("005930");
        assertThat(n[9]).as("CNTG_QTY").isEqualTo("3");
        assertThat(Long.parseLong(n[10])).as("CNTG_UNPR").isEqualTo(price("005930"));
        assertThat(n[13]).as("CNTG_YN 2: filled").isEqualTo("2");
        assertThat(n[24]).isEqualTo("삼성전자");
    }

    @Test
    void sendsPingpongWhichClientsEcho() throws Exception {
        admin("POST", "/admin/realtime/ping", null);
        String ping = nextFrame("{\"header\":{\"tr_id\":\"PINGPONG\"");
        assertThat(JSON.readTree(ping).path("header").path("datetime").asString()).startsWith("20260304");
        socket.sendText(ping, true).get(5, TimeUnit.SECONDS); // echoed back, as clients do, and ignored
        assertThat(subscribe("1", "H0STCNT0", "005930").path("body").path("rt_cd").asString()).isEqualTo("0");
    }

    @Test
    void anUnknownApprovalKeyIsRefused() throws Exception {
        approvalKey = "not-issued";
        JsonNode answer = subscribe("1", "H0STCNT0", "005930");
        assertThat(answer.path("body").path("rt_cd").asString()).isEqualTo("9");
        assertThat(answer.path("body").path("msg1").asString()).contains("invalid approval");
    }

    private JsonNode subscribe(String trType, String trId, String trKey) throws Exception {
        String msg = "{\"header\":{\"approval_key\":\"" + approvalKey + "\",\"custtype\":\"P\",\"tr_type\":\""
                + trType + "\",\"content-type\":\"utf-8\"},\"body\":{\"input\":{\"tr_id\":\"" + trId
                + "\",\"tr_key\":\"" + trKey + "\"}}}";
        socket.sendText(msg, true).get(5, TimeUnit.SECONDS);
        return JSON.readTree(nextFrame("{\"header\":{\"tr_id\":\"" + trId + "\""));
    }

    private String nextFrame(String prefix) throws InterruptedException {
        while (true) {
            String m = received.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("a message starting " + prefix).isNotNull();
            if (m.startsWith(prefix)) {
                return m;
            }
        }
    }
}
