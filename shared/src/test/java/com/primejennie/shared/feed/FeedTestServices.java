package com.primejennie.shared.feed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.JsonPayloadCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.StreamConnections;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.testing.RealServices;

/**
 * Real Redis (this JVM's leased database) and a private MariaDB database for feed tests, with the tables the feed
 * reads and writes created from the schema's DDL. The private database keeps these hand-made tables away from any
 * Flyway-managed test database of the same JVM. Close it to drop the database and the Redis connection.
 */
public final class FeedTestServices implements AutoCloseable {

    /** STOCK_MINUTE_PRICE exactly as schema V1 defines it. */
    public static final String MINUTE_PRICE_DDL = "CREATE TABLE STOCK_MINUTE_PRICE ("
            + "PRICE_TIME datetime NOT NULL, STOCK_CODE varchar(20) NOT NULL, "
            + "OPEN_PRICE decimal(15,2), HIGH_PRICE decimal(15,2), LOW_PRICE decimal(15,2), CLOSE_PRICE decimal(15,2), "
            + "VOLUME bigint, ACCUM_VOLUME bigint, CREATED_AT datetime DEFAULT CURRENT_TIMESTAMP, "
            + "PRIMARY KEY (PRICE_TIME, STOCK_CODE))";

    private final LettuceConnectionFactory factory;
    private final StreamConnections streams;
    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final String dbName;
    private final RealServices.DatabaseEndpoint root;

    public FeedTestServices() {
        var endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        streams = StreamConnections.of(endpoint.url(), Duration.ofSeconds(2));
        root = RealServices.database();
        dbName = root.name() + "_feed" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF));
        execRoot("CREATE DATABASE `" + dbName + "`");
        DriverManagerDataSource ds = new DriverManagerDataSource(root.rootJdbcUrl() + dbName, root.user(),
                root.password());
        jdbc = new JdbcTemplate(ds);
        jdbc.execute(MINUTE_PRICE_DDL);
        for (String table : new String[] {"ACTIVE_PORTFOLIO", "ACTIVE_PORTFOLIO_MOCK"}) {
            jdbc.execute("CREATE TABLE " + table + " (ID int AUTO_INCREMENT PRIMARY KEY, STOCK_CODE varchar(20) "
                    + "NOT NULL, STOCK_NAME varchar(100), QUANTITY int NOT NULL, AVERAGE_BUY_PRICE decimal(15,2))");
        }
    }

    public StringRedisTemplate redis() {
        return redis;
    }

    /** The production tick publisher on this Redis ({@code kis:prices}, MAXLEN ~10000). */
    public TickPublisher tickPublisher() {
        return new StreamTickPublisher(new TradingSignalPublisher<>(streams, "kis:prices", FieldMapCodec.kisPrices(),
                StreamSettings.builtIn("kis:prices"), MessagingMetrics.inMemory()), redis);
    }

    /** The production fill publisher on this Redis ({@code kis:fills}). */
    public FillPublisher fillPublisher() {
        return new StreamFillPublisher(new TradingSignalPublisher<>(streams, "kis:fills",
                new JsonPayloadCodec<>(JsonPayloadCodec.defaultMapper(), Object.class),
                StreamSettings.builtIn("kis:fills"), MessagingMetrics.inMemory()));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Adds a holding row to ACTIVE_PORTFOLIO_MOCK (the MOCK trading-mode table). */
    public void hold(String code, int quantity) {
        jdbc.update("INSERT INTO ACTIVE_PORTFOLIO_MOCK (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE) "
                + "VALUES (?, ?, ?, ?)", code, code, quantity, 10000);
    }

    /** Writes a hot watchlist version the way scout-job does and points {@code hot_watchlist:active} at it. */
    public void hotWatchlist(String... codesByRank) {
        StringBuilder stocks = new StringBuilder();
        for (int i = 0; i < codesByRank.length; i++) {
            if (i > 0) {
                stocks.append(',');
            }
            stocks.append("{\"code\":\"").append(codesByRank[i]).append("\",\"name\":\"종목").append(i)
                    .append("\",\"llm_score\":70,\"rank\":").append(i + 1)
                    .append(",\"is_tradable\":true,\"strategies\":[]}");
        }
        String key = "hot_watchlist:v" + (1764115200 + ThreadLocalRandom.current().nextInt(1000));
        redis.opsForValue().set(key, "{\"generated_at\":\"2026-11-26T08:00:00+09:00\",\"market_regime\":\"BULL\","
                + "\"score_threshold\":65,\"stocks\":[" + stocks + "]}");
        redis.opsForValue().set(HotWatchlistCodeSource.ACTIVE_KEY, key);
    }

    @Override
    public void close() {
        redis.delete(java.util.List.of("kis:prices", "kis:fills", StreamTickPublisher.REALTIME_HASH,
                HotWatchlistCodeSource.ACTIVE_KEY));
        factory.destroy();
        streams.close();
        execRoot("DROP DATABASE IF EXISTS `" + dbName + "`");
    }

    private void execRoot(String sql) {
        try (Connection c = DriverManager.getConnection(root.rootJdbcUrl(), root.user(), root.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
