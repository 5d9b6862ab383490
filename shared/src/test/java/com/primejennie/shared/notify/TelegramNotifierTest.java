package com.primejennie.shared.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.testing.RealServices;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link TelegramNotifier} against a fake Bot API (MockWebServer) and the real Redis for the mute key. */
class TelegramNotifierTest {

    private static final String TOKEN = "7012345678:AAH-test-token_xyz";
    private static final String CHAT = "123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LettuceConnectionFactory redisFactory;
    private static StringRedisTemplate redis;

    private MockWebServer telegram;
    private SimpleMeterRegistry meters;
    private ManualMarketClock clock;

    @BeforeAll
    static void connectRedis() {
        var endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        redisFactory = new LettuceConnectionFactory(config);
        redisFactory.afterPropertiesSet();
        redisFactory.start();
        redis = new StringRedisTemplate(redisFactory);
    }

    @AfterAll
    static void disconnectRedis() {
        redisFactory.destroy();
    }

    @BeforeEach
    void startTelegram() throws IOException {
        telegram = new MockWebServer();
        telegram.start();
        meters = new SimpleMeterRegistry();
        clock = ManualMarketClock.atKst(java.time.LocalDateTime.parse("2026-02-12T10:30"));
        redis.delete("notification:mute");
    }

    @AfterEach
    void stopTelegram() throws IOException {
        telegram.shutdown();
        redis.delete("notification:mute");
    }

    private TelegramNotifier notifier(String token, String chat) {
        TelegramProperties properties = new TelegramProperties(URI.create(telegram.url("/").toString()), token, chat,
                Duration.ofSeconds(5), "notification:mute");
        return new TelegramNotifier(properties, new MuteSwitch(redis, "notification:mute", clock), meters);
    }

    private TelegramNotifier notifier() {
        return notifier(TOKEN, CHAT);
    }

    private static MockResponse ok(String text) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                {"ok":true,"result":{"message_id":4821,"from":{"id":7012345678,"is_bot":true,\
                "first_name":"Prime Jennie","username":"prime_jennie_bot"},"chat":{"id":123456789,\
                "first_name":"Jennie","type":"private"},"date":1770859800,"text":%s}}"""
                .formatted(JSON.writeValueAsString(text)));
    }

    private static MockResponse error(int code, String description) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":"
                        + JSON.writeValueAsString(description) + "}");
    }

    private double count(String outcome) {
        return meters.get("jennie.notifications").tag("channel", "telegram").tag("outcome", outcome).counter()
                .count();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = telegram.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).as("a request to the Bot API").isNotNull();
        return request;
    }

    @Test
    void sendsTheSellNoticeAsHtmlSoBoldRendersAndSpecialCharactersAreEscaped() throws Exception {
        String message = "🧪 *[MOCK 테스트]*\n📉 *매도 체결*\n삼성전자 (005930)\n매도가: 66,000원\n"
                + "손익: -66,000원 (-7.69%)\n사유: Fixed Stop Loss: -7.69% (Limit: -6.0%) <gap_down_safe>";
        telegram.enqueue(ok("delivered"));

        assertThat(notifier().send(message)).isTrue();

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        JsonNode body = JSON.readTree(request.getBody().readUtf8());
        assertThat(body.get("chat_id").asString()).isEqualTo(CHAT);
        assertThat(body.get("parse_mode").asString()).isEqualTo("HTML");
        assertThat(body.get("text").asString()).isEqualTo("🧪 <b>[MOCK 테스트]</b>\n📉 <b>매도 체결</b>\n"
                + "삼성전자 (005930)\n매도가: 66,000원\n손익: -66,000원 (-7.69%)\n"
                + "사유: Fixed Stop Loss: -7.69% (Limit: -6.0%) &lt;gap_down_safe&gt;");
        assertThat(count("sent")).isEqualTo(1.0);
    }

    @Test
    void aMessageOver4096CharactersGoesOutInPartsInOrder() throws Exception {
        StringBuilder report = new StringBuilder("📊 *일일 리포트*\n");
        for (int i = 0; report.length() < 10_000; i++) {
            report.append("종목 ").append(i).append(" 삼성전자 (005930) 71,500원 📈 +1.2%\n");
        }
        for (int i = 0; i < 3; i++) {
            telegram.enqueue(ok("part"));
        }

        assertThat(notifier().send(report.toString())).isTrue();

        List<String> sentTexts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sentTexts.add(JSON.readTree(take().getBody().readUtf8()).get("text").asString());
        }
        assertThat(telegram.getRequestCount()).isEqualTo(3);
        assertThat(sentTexts).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(4096 + 7));
        String rejoined = String.join("", sentTexts).replace("<b>", "*").replace("</b>", "*");
        assertThat(rejoined).isEqualTo(report.toString());
        assertThat(count("sent")).isEqualTo(1.0);
    }

    @Test
    void htmlTheBotApiCannotParseIsResentOnceAsPlainText() throws Exception {
        telegram.enqueue(error(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"));
        telegram.enqueue(ok("plain"));

        assertThat(notifier().send("*체결*")).isTrue();

        assertThat(JSON.readTree(take().getBody().readUtf8()).get("parse_mode").asString()).isEqualTo("HTML");
        JsonNode plain = JSON.readTree(take().getBody().readUtf8());
        assertThat(plain.has("parse_mode")).isFalse();
        assertThat(plain.get("text").asString()).isEqualTo("*체결*");
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "403 | Forbidden: bot was blocked by the user",
            "400 | Bad Request: chat not found",
            "401 | Unauthorized",
            "429 | Too Many Requests: retry after 5",
            "502 | Bad Gateway",
    })
    void aRejectedSendIsCountedAndReturnsFalseWithoutThrowing(int status, String description) {
        telegram.enqueue(error(status, description));

        assertThat(notifier().send("💰 *매수 체결*")).isFalse();

        assertThat(count("failed")).isEqualTo(1.0);
        assertThat(count("sent")).isZero();
    }

    @Test
    void anUnreachableBotApiIsCountedAndReturnsFalseWithoutThrowing() throws IOException {
        TelegramNotifier notifier = notifier();
        telegram.shutdown();

        assertThat(notifier.send("💰 *매수 체결*")).isFalse();
        assertThat(count("failed")).isEqualTo(1.0);
    }

    @Test
    void aNonJsonAnswerIsAFailure() {
        telegram.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));

        assertThat(notifier().send("x")).isFalse();
        assertThat(count("failed")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "mute until now{0}s -> sent: {1}")
    @CsvSource({"600, false", "1, false", "0, true", "-60, true"})
    void theOperatorsMuteIsHonouredUntilItsEnd_fixingTheQuirkThatNothingReadIt(long untilOffset, boolean sent) {
        long now = clock.instant().getEpochSecond();
        redis.opsForValue().set("notification:mute", "{\"until\": " + (now + untilOffset) + ", \"set_at\": \""
                + clock.now().toOffsetDateTime() + "\"}");
        telegram.enqueue(ok("x"));

        assertThat(notifier().send("📉 *매도 체결*")).isEqualTo(sent);

        assertThat(telegram.getRequestCount()).isEqualTo(sent ? 1 : 0);
        assertThat(count(sent ? "sent" : "muted")).isEqualTo(1.0);
    }

    @Test
    void criticalAlertsGetThroughTheOperatorsMute() {
        long now = clock.instant().getEpochSecond();
        redis.opsForValue().set("notification:mute", "{\"until\": " + (now + 3600) + ", \"set_at\": \""
                + clock.now().toOffsetDateTime() + "\"}");
        telegram.enqueue(ok("x"));

        assertThat(notifier().send("📉 *매도 체결*")).as("routine message while muted").isFalse();
        assertThat(notifier().sendCritical("🚨 주문 상태 불명")).as("safety alert while muted").isTrue();

        assertThat(telegram.getRequestCount()).isEqualTo(1);
        assertThat(count("muted")).isEqualTo(1.0);
        assertThat(count("sent")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "mute value {0} is ignored")
    @CsvSource(delimiter = '|', value = {"true", "{\"until\": \"soon\"}", "{}", "not json"})
    void anUnreadableMuteValueDoesNotSilenceAlerts(String value) {
        redis.opsForValue().set("notification:mute", value);
        telegram.enqueue(ok("x"));

        assertThat(notifier().send("🚨 손절")).isTrue();
    }

    @ParameterizedTest(name = "token ''{0}'', chat ''{1}''")
    @CsvSource({"'', 123", "tok, ''", "'', ''"})
    void withoutTokenOrChatIdNothingIsSentAndItIsCounted(String token, String chat) {
        TelegramNotifier notifier = notifier(token, chat);

        assertThat(notifier.send("x")).isFalse();
        assertThat(notifier.send("y")).isFalse();

        assertThat(telegram.getRequestCount()).isZero();
        assertThat(count("disabled")).isEqualTo(2.0);
    }
}
