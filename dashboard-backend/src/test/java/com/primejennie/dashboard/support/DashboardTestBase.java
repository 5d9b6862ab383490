package com.primejennie.dashboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.RealServicesTest;

/**
 * The dashboard on a random port against this JVM's real Redis and MariaDB, token mode, a configured operator, KIS
 * switched off (prices from Redis, cash 0), scheduler-service and one healthy service faked over HTTP, one service
 * down, and no Loki. Every test starts from an empty database and an empty Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jennie.kis.enabled=false",
        "jennie.trading-mode=MOCK",
        "jennie.dashboard.auth.mode=token",
        "jennie.dashboard.auth.username=operator",
        "jennie.dashboard.auth.password=s3cret-pass",
        "jennie.dashboard.auth.jwt-secret=0123456789abcdef0123456789abcdef-test",
        "jennie.dashboard.auth.token-ttl=1h",
        "jennie.dashboard.loki-url=",
        "jennie.dashboard.starting-capital=10000000"})
@RealServicesTest
public abstract class DashboardTestBase {

    public static final String USER = "operator";
    public static final String PASSWORD = "s3cret-pass";

    static final String[] TABLES = {"TRADELOG_MOCK", "ACTIVE_PORTFOLIO_MOCK", "WATCHLIST", "STOCK_MASTER", "CONFIG",
            "DAILY_ASSET_SNAPSHOT", "LLM_DECISION_LEDGER", "STOCK_DAILY_PRICES_3Y", "STOCK_MINUTE_PRICE",
            "DAILY_MACRO_INSIGHT", "DAILY_BRIEFING_LOG", "jobs", "COMMAND_AUDIT"};

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected StringRedisTemplate redis;

    @DynamicPropertySource
    static void outsideParties(DynamicPropertyRegistry registry) {
        String fake = FakeHttpParty.get().url();
        registry.add("jennie.dashboard.scheduler-url", () -> fake);
        registry.add("jennie.dashboard.services.fake-service", () -> fake + "/actuator/health");
        registry.add("jennie.dashboard.services.dead-service", () -> "http://127.0.0.1:9/actuator/health");
    }

    @BeforeEach
    void emptyDatabaseAndRedis() {
        AppContract.awaitReady(port, Duration.ofSeconds(90));
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.serverCommands().flushDb();
            return null;
        });
    }

    /** A client without a token. */
    protected Api anonymous() {
        return new Api(port, null);
    }

    /** A client logged in as the operator. */
    protected Api operator() {
        Api.Answer login = anonymous().post("/api/auth/login", "{\"username\":\"" + USER + "\",\"password\":\""
                + PASSWORD + "\"}");
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return new Api(port, login.json().get("access_token").asString());
    }
}
