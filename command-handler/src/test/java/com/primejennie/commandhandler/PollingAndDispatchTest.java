package com.primejennie.commandhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.commandhandler.command.ChatAuthorization;
import com.primejennie.commandhandler.command.CommandTable;
import com.primejennie.commandhandler.command.Dispatcher;
import com.primejennie.commandhandler.polling.CycleResult;
import com.primejennie.commandhandler.polling.PollerLease;
import com.primejennie.commandhandler.polling.UpdateOffsetStore;
import com.primejennie.commandhandler.polling.UpdatePoller;
import com.primejennie.commandhandler.support.FakeTelegram;
import com.primejennie.commandhandler.telegram.BotProperties;
import com.primejennie.commandhandler.telegram.TelegramBotApi;
import com.primejennie.shared.audit.AuditOutcome;
import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.manual.ManualTradeLimits;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.notify.TelegramMarkup;

/**
 * Polling and dispatch over the fake Telegram: deny by default, audit of everything, the persisted offset (a restart
 * never re-runs a command), one poller across instances, the rate limit, reply formatting, the HTTP endpoints.
 */
class PollingAndDispatchTest extends BotTestBase {

    @LocalServerPort
    int port;
    @Autowired
    BotProperties properties;
    @Autowired
    TelegramBotApi api;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    CommandTable table;
    @Autowired
    ChatAuthorization authorization;
    @Autowired
    PollerLease lease;
    @Autowired
    TradingDay tradingDay;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnauthorisedChatIsIgnoredAndAudited() {
        String reply = sayFrom(STRANGER, "mallory", "/buy 삼성전자 1");
        sayFrom(STRANGER, "mallory", "hello bot");

        assertThat(reply).isEmpty();
        assertThat(TELEGRAM.sentTo(STRANGER)).isEmpty();
        assertThat(stream(BuySignal.STREAM)).isEmpty();
        assertThat(auditRows()).hasSize(2).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.UNAUTHORIZED);
            assertThat(e.chatId()).isEqualTo("999");
            assertThat(e.user()).isEqualTo("mallory");
        });
        assertThat(auditRows().get(1).command()).isEqualTo("buy");
        assertThat(auditRows().get(1).arguments()).isEqualTo("삼성전자 1");
        assertThat(auditRows().get(0).command()).isEqualTo("(text)");
    }

    @Test
    void withNoChatConfiguredNobodyIsObeyed() {
        ChatAuthorization none = new ChatAuthorization(Set.of());

        assertThat(none.allows(String.valueOf(CHAT))).isFalse();
        assertThat(authorization.allowed()).containsExactlyInAnyOrder("111", "222");
        assertThat(new BotProperties(URI.create("http://x"), "t", "", "555", Duration.ofSeconds(5), 1, false,
                Duration.ofSeconds(30), URI.create("http://x"), "", null).obeyedChats())
                .as("the default chat when no allow-list").containsExactly("555");
    }

    @Test
    void everyAcceptedCommandIsAuditedWithItsOutcome() {
        say("/pause");
        say("/stop");
        say("/nosuchcommand x");

        assertThat(auditRows()).extracting(e -> e.command() + ":" + e.outcome())
                .containsExactly("nosuchcommand:REJECTED", "stop:REJECTED", "pause:EXECUTED");
        assertThat(lastAudit().source().wire()).isEqualTo("telegram");
        assertThat(lastAudit().tradingMode()).isEqualTo("MOCK");
    }

    @Test
    void textThatIsNotACommandIsIgnoredAndAnUnknownCommandGetsAHint() {
        assertThat(say("안녕하세요")).isEmpty();
        assertThat(auditRows()).isEmpty();

        assertThat(say("/hello")).contains("알 수 없는 명령어입니다: /hello").contains("/help");
    }

    @Test
    void commandNamesAreCaseInsensitiveAndMayCarryTheBotName() {
        assertThat(say("/STATUS@prime_jennie_bot")).contains("시스템 상태");
    }

    @Test
    void aRestartNeverReExecutesACommand() {
        long id = TELEGRAM.userSays(CHAT, "jennie", "/buy 삼성전자 1");
        poller.pollOnce();
        assertThat(stream(BuySignal.STREAM)).hasSize(1);
        assertThat(redis.opsForValue().get(UpdateOffsetStore.KEY)).isEqualTo(String.valueOf(id + 1));
        assertThat(TELEGRAM.pendingCount()).as("Telegram has not been told yet: it would re-deliver").isEqualTo(1);

        // the process stops (its lease goes) and a new one starts with nothing in memory
        lease.release();
        UpdatePoller restarted = new UpdatePoller(properties, new TelegramBotApi(properties),
                new UpdateOffsetStore(redis), new PollerLease(redis, Duration.ofSeconds(30), "restarted"), dispatcher);
        restarted.pollOnce();

        assertThat(TELEGRAM.offsetsAsked().get(TELEGRAM.offsetsAsked().size() - 1)).isEqualTo(id + 1);
        assertThat(stream(BuySignal.STREAM)).as("the buy ran once").hasSize(1);
        assertThat(TELEGRAM.sentTo(CHAT)).hasSize(1);
    }

    @Test
    void onlyTheLeaseHolderPolls() {
        poller.pollOnce(); // takes the lease
        int asked = TELEGRAM.offsetsAsked().size();
        TELEGRAM.userSays(CHAT, "jennie", "/status");
        UpdatePoller second = new UpdatePoller(properties, new TelegramBotApi(properties),
                new UpdateOffsetStore(redis), new PollerLease(redis, Duration.ofSeconds(30), "second"), dispatcher);

        CycleResult skipped = second.pollOnce();

        assertThat(skipped.message()).contains("another instance holds the poller lease");
        assertThat(TELEGRAM.offsetsAsked()).hasSize(asked);
        poller.pollOnce();
        assertThat(TELEGRAM.sentTo(CHAT)).hasSize(1);
    }

    @Test
    void updatesWithoutAMessageAreSkippedButConfirmed() {
        TELEGRAM.queueRaw("{\"update_id\":800000001,\"edited_message\":{\"message_id\":5,\"chat\":{\"id\":111,"
                + "\"type\":\"private\"},\"date\":1770858000,\"edit_date\":1770858010,\"text\":\"/stop 확인\"}}");

        poller.pollOnce();

        assertThat(redis.opsForValue().get(UpdateOffsetStore.KEY)).isEqualTo("800000002");
        assertThat(redis.hasKey("trading:stop")).isFalse();
    }

    @Test
    void theRateLimitRefusesASecondCommandWithinTheIntervalPerChat() {
        UpdatePoller limited = pollerWith(new ManualTradeLimits(redis, tradingDay, Duration.ofSeconds(5), 3));
        TELEGRAM.userSays(CHAT, "jennie", "/status");
        TELEGRAM.userSays(CHAT, "jennie", "/buy 삼성전자 1");
        TELEGRAM.userSays(OTHER_ALLOWED_CHAT, "ops", "/status");

        limited.pollOnce();

        List<FakeTelegram.Sent> replies = TELEGRAM.sentTo(CHAT);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).text()).contains("시스템 상태");
        assertThat(replies.get(1).text()).contains("⏳ 명령이 너무 빠릅니다.").contains("초 후 다시 시도하세요.");
        assertThat(TELEGRAM.sentTo(OTHER_ALLOWED_CHAT)).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("시스템 상태"));
        assertThat(stream(BuySignal.STREAM)).isEmpty();
        assertThat(auditRows()).extracting(e -> e.command() + ":" + e.outcome()).contains("buy:RATE_LIMITED");
        assertThat(redis.opsForValue().get("telegram:manual_trades:20260212:" + CHAT))
                .as("a rate-limited buy uses no daily quota").isNull();
    }

    @Test
    void limitsThatCannotBeReadRefuseTradingCommandsButNotQueries() {
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 9));
        dead.afterPropertiesSet();
        dead.start();
        try {
            UpdatePoller blind = pollerWith(new ManualTradeLimits(new StringRedisTemplate(dead), tradingDay,
                    Duration.ofSeconds(5), 3));
            TELEGRAM.userSays(CHAT, "jennie", "/buy 삼성전자 1");
            TELEGRAM.userSays(CHAT, "jennie", "/status");

            blind.pollOnce();

            assertThat(TELEGRAM.sentTo(CHAT)).extracting(FakeTelegram.Sent::text).satisfiesExactly(
                    t -> assertThat(t).contains("거래 명령을 실행하지 않았습니다"),
                    t -> assertThat(t).contains("시스템 상태"));
            assertThat(stream(BuySignal.STREAM)).isEmpty();
        } finally {
            dead.destroy();
        }
    }

    @Test
    void repliesAreEscapedHtmlAndFallBackToPlainTextWhenTelegramRefusesTheEntities() {
        say("/price <b>&");
        assertThat(TELEGRAM.sentTo(CHAT).get(0).text()).contains("종목을 찾을 수 없습니다: &lt;b&gt;&amp;");
        assertThat(TELEGRAM.sentTo(CHAT).get(0).parseMode()).isEqualTo("HTML");

        TELEGRAM.refuseNextHtml(1);
        String reply = say("/status");

        assertThat(reply).contains("*시스템 상태*");
        assertThat(TELEGRAM.sentTo(CHAT).get(1).parseMode()).isNull();
    }

    @Test
    void aLongReplyIsSplitIntoPartsTelegramAccepts() {
        String line = "가".repeat(99) + "\n";
        String text = line.repeat(100);

        assertThat(api.sendMessage(String.valueOf(CHAT), text)).isTrue();

        List<FakeTelegram.Sent> parts = TELEGRAM.sentTo(CHAT);
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("", parts.stream().map(FakeTelegram.Sent::text).toList()))
                .isEqualTo(TelegramMarkup.toHtml(text));
    }

    @Test
    void healthAndInfoEndpointsAnswerInThePythonShape() throws Exception {
        assertThat(get("/health", null).body()).isEqualTo("{\"status\":\"ok\",\"service\":\"command-handler\","
                + "\"polling\":false}");
        assertThat(get("/", null).body()).isEqualTo("{\"service\":\"command-handler\",\"version\":\"v1.0\","
                + "\"trading_mode\":\"MOCK\",\"dry_run\":\"false\",\"polling\":false}");
    }

    @Test
    void pollEndpointRunsOneCycleWithTheInternalToken() throws Exception {
        assertThat(post("/poll", null).statusCode()).isEqualTo(401);
        assertThat(post("/start", "wrong").statusCode()).isEqualTo(401);
        assertThat(post("/poll", INTERNAL_TOKEN).body()).isEqualTo("{\"status\":\"success\",\"processed_count\":0,"
                + "\"failed_count\":0,\"message\":\"No pending commands\"}");
        TELEGRAM.userSays(CHAT, "jennie", "/status");

        assertThat(post("/poll", INTERNAL_TOKEN).body()).isEqualTo("{\"status\":\"success\",\"processed_count\":1,"
                + "\"failed_count\":0,\"total_commands\":1}");
        assertThat(get("/api/diagnose", INTERNAL_TOKEN).body()).contains("\"status\":\"success\"")
                .contains("시스템 진단").contains("\"timestamp\":\"2026-02-12 10:00:00\"");
        assertThat(get("/api/diagnose", null).statusCode()).isEqualTo(401);
    }

    @Test
    void startAndStopTheLoopOverHttp() throws Exception {
        assertThat(post("/start", INTERNAL_TOKEN).body()).contains("polling started");
        try {
            assertThat(get("/health", null).body()).contains("\"polling\":true");
        } finally {
            assertThat(post("/stop", INTERNAL_TOKEN).body()).contains("polling stopped");
        }
        assertThat(get("/health", null).body()).contains("\"polling\":false");
    }

    private UpdatePoller pollerWith(ManualTradeLimits limits) {
        Dispatcher d = new Dispatcher(table, authorization, limits, audit, api);
        return new UpdatePoller(properties, api, new UpdateOffsetStore(redis), lease, d);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            b.header("X-Internal-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("X-Internal-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
