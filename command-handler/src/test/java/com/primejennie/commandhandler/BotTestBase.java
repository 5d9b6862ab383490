package com.primejennie.commandhandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.primejennie.commandhandler.polling.UpdatePoller;
import com.primejennie.commandhandler.support.FakeSuiteServices;
import com.primejennie.commandhandler.support.FakeTelegram;
import com.primejennie.shared.audit.CommandAuditEntry;
import com.primejennie.shared.audit.CommandAuditLog;
import com.primejennie.shared.kis.FakeKis;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.testing.RealServices;
import com.primejennie.shared.testing.RealServicesTest;

import javax.sql.DataSource;

/**
 * The running bot against a fake Telegram server over real HTTP, a fake KIS (HTTP), fake peer services (HTTP), and the
 * real Redis and MariaDB of the test harness. Polling is driven cycle by cycle ({@link UpdatePoller#pollOnce}, the
 * same call the loop makes), the clock is fixed at Thursday 2026-02-12 10:00 KST, the command interval is 0 (the rate
 * limit has its own test with its own limiter) and the daily manual-trade limit 3.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServicesTest
@Import(BotTestBase.FixedClock.class)
public abstract class BotTestBase {

    public static final String TOKEN = "7000000001:AAF-test-token_xyz";
    public static final String INTERNAL_TOKEN = "t0k3n";
    public static final long CHAT = 111;
    public static final long OTHER_ALLOWED_CHAT = 222;
    public static final long STRANGER = 999;
    /** 10:00 KST, Thursday 12 February 2026 (a KRX trading day). */
    public static final Instant NOW = Instant.parse("2026-02-12T01:00:00Z");

    static final FakeTelegram TELEGRAM;
    static final FakeKis KIS;
    static final FakeSuiteServices PEERS;

    static {
        try {
            TELEGRAM = new FakeTelegram(TOKEN);
            KIS = new FakeKis();
            PEERS = new FakeSuiteServices(INTERNAL_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        MarketClock marketClock() {
            return new ManualMarketClock(NOW);
        }
    }

    @DynamicPropertySource
    static void bot(DynamicPropertyRegistry r) {
        r.add("jennie.bot.api-url", TELEGRAM::url);
        r.add("jennie.bot.token", () -> TOKEN);
        r.add("jennie.bot.allowed-chat-ids", () -> CHAT + ", " + OTHER_ALLOWED_CHAT);
        r.add("jennie.bot.auto-start", () -> "false");
        r.add("jennie.bot.long-poll-seconds", () -> "0");
        r.add("jennie.bot.buy-executor-url", PEERS::url);
        r.add("jennie.bot.internal-token", () -> INTERNAL_TOKEN);
        r.add("jennie.bot.services.buy-executor", PEERS::url);
        r.add("jennie.bot.services.price-monitor", () -> "http://127.0.0.1:9");
        r.add("COMMAND_MIN_INTERVAL_SECONDS", () -> "0");
        r.add("MANUAL_TRADE_DAILY_LIMIT", () -> "3");
        r.add("jennie.trading-mode", () -> "MOCK");
        r.add("jennie.orders.settler-enabled", () -> "false");
        r.add("jennie.kis.paper.base-url", KIS::url);
        r.add("jennie.kis.paper.app-key", () -> KisTestKit.APP_KEY);
        r.add("jennie.kis.paper.app-secret", () -> KisTestKit.APP_SECRET);
        r.add("jennie.kis.paper.account-no", () -> KisTestKit.ACCOUNT);
    }

    @Autowired
    protected UpdatePoller poller;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected DataSource dataSource;
    @Autowired
    protected CommandAuditLog audit;
    @Autowired
    protected MarketClock clock;

    protected JdbcClient jdbc;

    @BeforeEach
    void cleanWorld() throws Exception {
        jdbc = JdbcClient.create(dataSource);
        awaitSchema();
        RealServices.flushRedis();
        for (String table : List.of("COMMAND_AUDIT", "ACTIVE_PORTFOLIO_MOCK", "TRADELOG_MOCK", "WATCHLIST",
                "STOCK_MASTER", "CONFIG")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        ((ManualMarketClock) clock).set(NOW);
        TELEGRAM.reset();
        PEERS.reset();
        KIS.always(FakeKis.PRICE, FakeKis.price(71000));
        KIS.always(FakeKis.PSBL, FakeKis.ok("""
                {"output":{"ord_psbl_cash":"10000000","nrcvb_buy_amt":"10000000","max_buy_qty":"140"},
                 "rt_cd":"0","msg_cd":"KIOK0000","msg1":"주문 가능 조회가 완료되었습니다"}"""));
        stock("005930", "삼성전자");
        stock("000660", "SK하이닉스");
    }

    private void awaitSchema() throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                jdbc.sql("SELECT COUNT(*) FROM COMMAND_AUDIT").query(Long.class).single();
                jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    protected void stock(String code, String name) {
        jdbc.sql("INSERT INTO STOCK_MASTER (STOCK_CODE, STOCK_NAME) VALUES (?, ?)").params(code, name).update();
    }

    /** The operator (chat 111, user jennie) types {@code text}; one poll cycle; what the bot answered that chat. */
    protected String say(String text) {
        return sayFrom(CHAT, "jennie", text);
    }

    protected String sayFrom(long chat, String user, String text) {
        int before = TELEGRAM.sentTo(chat).size();
        TELEGRAM.userSays(chat, user, text);
        poller.pollOnce();
        List<FakeTelegram.Sent> now = TELEGRAM.sentTo(chat);
        return String.join("\n", now.subList(before, now.size()).stream().map(FakeTelegram.Sent::text).toList());
    }

    /** The audit rows, newest first. */
    protected List<CommandAuditEntry> auditRows() {
        return audit.recent(100);
    }

    protected CommandAuditEntry lastAudit() {
        return auditRows().get(0);
    }

    protected List<MapRecord<String, Object, Object>> stream(String name) {
        List<MapRecord<String, Object, Object>> r = redis.opsForStream().range(name, Range.unbounded());
        return r == null ? List.of() : r;
    }

    protected String payload(MapRecord<String, Object, Object> record) {
        return (String) record.getValue().get("payload");
    }

    protected static Map<String, String> map(String... kv) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
