package com.primejennie.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.schema.SchemaMigratorTest;
import com.primejennie.shared.schema.SchemaProperties;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.settings.SettingsRegistry;

/**
 * A user who runs the Python suite today starts a Java service against the same {@code jennie_db}: the migration
 * must adopt the existing schema, leave every row as it was, add only the missing tables, and the repositories must
 * read the Python rows.
 */
class PythonSuiteDatabaseMigrationTest {

    /** The tables as the Python suite (SQLAlchemy models and DDL strings) created them, with their FLOAT columns. */
    private static final List<String> PYTHON_DDL = List.of("""
            CREATE TABLE ACTIVE_PORTFOLIO (
              STOCK_CODE varchar(20) NOT NULL, STOCK_NAME varchar(120), QUANTITY int NOT NULL,
              AVERAGE_BUY_PRICE float, TOTAL_BUY_AMOUNT float, CURRENT_HIGH_PRICE float, STOP_LOSS_PRICE float,
              CREATED_AT datetime DEFAULT current_timestamp(), UPDATED_AT datetime,
              PRIMARY KEY (STOCK_CODE)) DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE TRADELOG (
              LOG_ID int NOT NULL AUTO_INCREMENT, STOCK_CODE varchar(20), TRADE_TYPE varchar(10), QUANTITY int,
              PRICE float, REASON text, TRADE_TIMESTAMP datetime, STRATEGY_SIGNAL varchar(100),
              KEY_METRICS_JSON text, MARKET_CONTEXT_JSON text, PRIMARY KEY (LOG_ID),
              KEY ix_TRADELOG_STOCK_CODE (STOCK_CODE), KEY ix_TRADELOG_TRADE_TIMESTAMP (TRADE_TIMESTAMP))
              DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE CONFIG (
              CONFIG_KEY varchar(100) NOT NULL, CONFIG_VALUE text NOT NULL, DESCRIPTION text,
              LAST_UPDATED datetime, PRIMARY KEY (CONFIG_KEY)) DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE STOCK_MASTER (
              STOCK_CODE varchar(20) NOT NULL, STOCK_NAME varchar(120), MARKET_CAP decimal(20,0),
              SECTOR_KOSPI200 varchar(50), SECTOR_NAVER varchar(64), SECTOR_NAVER_GROUP varchar(64),
              CREATED_AT datetime, PRIMARY KEY (STOCK_CODE)) DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE STOCK_DAILY_PRICES_3Y (
              STOCK_CODE varchar(20) NOT NULL, PRICE_DATE date NOT NULL, OPEN_PRICE decimal(15,2),
              HIGH_PRICE decimal(15,2), LOW_PRICE decimal(15,2), CLOSE_PRICE decimal(15,2), VOLUME bigint,
              CREATED_AT datetime, PRIMARY KEY (STOCK_CODE, PRICE_DATE)) DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE jobs (
              job_id varchar(100) NOT NULL, scope varchar(50) DEFAULT 'real', cron_expr varchar(100),
              enabled tinyint(1), PRIMARY KEY (job_id)) DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE STOCK_NEWS_SENTIMENT (
              ID int NOT NULL AUTO_INCREMENT, STOCK_CODE varchar(20), NEWS_DATE datetime, PRESS varchar(100),
              HEADLINE varchar(1000), SUMMARY text, SENTIMENT_SCORE float, SENTIMENT_REASON text, CATEGORY varchar(50),
              ARTICLE_URL varchar(500), SOURCE varchar(50), PUBLISHED_AT datetime, SCRAPED_AT datetime,
              PRIMARY KEY (ID), UNIQUE KEY ARTICLE_URL (ARTICLE_URL)) DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE SHADOW_RADAR_LOG (
              ID int NOT NULL AUTO_INCREMENT, STOCK_CODE varchar(20), STOCK_NAME varchar(100),
              REJECTION_STAGE varchar(50), REJECTION_REASON text, TRIGGER_TYPE varchar(50), TRIGGER_VALUE float,
              `TIMESTAMP` datetime, PRIMARY KEY (ID)) DEFAULT CHARSET=utf8mb4""", """
            CREATE TABLE FACTOR_PERFORMANCE (
              ID int NOT NULL AUTO_INCREMENT, FACTOR_KEY varchar(100), FACTOR_NAME varchar(200), STOCK_GROUP varchar(50),
              HOLDING_DAYS int, WIN_RATE float, AVG_RETURN float, SAMPLE_COUNT int, CONFIDENCE_LEVEL varchar(20),
              PRIMARY KEY (ID)) DEFAULT CHARSET=utf8mb4""");

    private static final List<String> PYTHON_ROWS = List.of(
            "INSERT INTO ACTIVE_PORTFOLIO VALUES ('005930', '삼성전자', 12, 71250.5, 855006, 73400, 67688, "
                    + "'2026-02-10 00:05:11', '2026-02-11 05:40:00')",
            "INSERT INTO TRADELOG (STOCK_CODE, TRADE_TYPE, QUANTITY, PRICE, REASON, TRADE_TIMESTAMP, STRATEGY_SIGNAL, "
                    + "KEY_METRICS_JSON) VALUES ('005930', 'BUY', 12, 71250, '골든크로스 + LLM 82점', "
                    + "'2026-02-10 00:05:11', 'GOLDEN_CROSS', '{\"llm_score\": 82.0, \"tier\": \"TIER1\"}')",
            "INSERT INTO CONFIG VALUES ('MAX_BUY_COUNT_PER_DAY', '4', '운영자 설정', '2026-02-01 00:00:00')",
            "INSERT INTO CONFIG VALUES ('SCOUT::real::LAST_LLM_RUN_AT', '2026-02-11T23:00:00', NULL, NULL)",
            "INSERT INTO STOCK_MASTER VALUES ('005930', '삼성전자', 425000000000000, '전기전자', '반도체와반도체장비', "
                    + "'IT', '2025-01-02 00:00:00')",
            "INSERT INTO STOCK_DAILY_PRICES_3Y VALUES ('005930', '2026-02-11', 70800.00, 72100.00, 70500.00, "
                    + "71900.00, 15234567, NULL)",
            "INSERT INTO jobs VALUES ('scout-daily', 'real', '0 8 * * 1-5', 1)",
            "INSERT INTO STOCK_NEWS_SENTIMENT (STOCK_CODE, NEWS_DATE, HEADLINE, SENTIMENT_SCORE, SENTIMENT_REASON, "
                    + "ARTICLE_URL, PUBLISHED_AT) VALUES ('005930', '2026-02-11 00:00:00', 'HBM 수주', 78, '수주 확대', "
                    + "'https://n.news.naver.com/1', '2026-02-10 23:10:00')",
            "INSERT INTO SHADOW_RADAR_LOG (STOCK_CODE, STOCK_NAME, REJECTION_STAGE, TRIGGER_TYPE, TRIGGER_VALUE, "
                    + "`TIMESTAMP`) VALUES ('000660', 'SK하이닉스', 'UNIFIED_ANALYST', 'ANALYST_REJECT', 61.5, "
                    + "'2026-02-11 23:05:00')",
            "INSERT INTO FACTOR_PERFORMANCE (FACTOR_KEY, STOCK_GROUP, HOLDING_DAYS, WIN_RATE, SAMPLE_COUNT) "
                    + "VALUES ('rsi_oversold', 'ALL', 5, 0.61, 240)");

    private static final List<String> PYTHON_TABLES = List.of("ACTIVE_PORTFOLIO", "TRADELOG", "CONFIG",
            "STOCK_MASTER", "STOCK_DAILY_PRICES_3Y", "jobs", "STOCK_NEWS_SENTIMENT", "SHADOW_RADAR_LOG",
            "FACTOR_PERFORMANCE");

    @Test
    void adoptsThePythonSchemaKeepsEveryRowAndAddsOnlyTheMissingTables() {
        try (ScratchDatabase db = ScratchDatabase.create("python")) {
            JdbcClient jdbc = db.jdbc();
            PYTHON_DDL.forEach(sql -> jdbc.sql(sql).update());
            PYTHON_ROWS.forEach(sql -> jdbc.sql(sql).update());
            Map<String, List<Map<String, Object>>> before = snapshot(jdbc);
            Map<String, String> ddlBefore = ddl(jdbc);
            String avgTypeBefore = columnType(jdbc, db.name(), "ACTIVE_PORTFOLIO", "AVERAGE_BUY_PRICE");

            SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), SchemaProperties.defaults());
            assertThat(migrator.migrateOnce()).as(String.valueOf(migrator.status().lastError())).isTrue();

            assertThat(snapshot(jdbc)).isEqualTo(before);
            assertThat(ddl(jdbc)).as("V1 and V2 leave the Python tables' definitions as they were").isEqualTo(ddlBefore);
            assertThat(columnType(jdbc, db.name(), "ACTIVE_PORTFOLIO", "AVERAGE_BUY_PRICE"))
                    .isEqualTo(avgTypeBefore).isEqualTo("float");
            List<String> tables = jdbc.sql("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")
                    .param(db.name()).query(String.class).list();
            assertThat(tables).containsAll(SchemaMigratorTest.V1_TABLES).containsAll(SchemaMigratorTest.V2_TABLES)
                    .contains("jobs", "flyway_schema_history");
            List<Map<String, Object>> history = jdbc.sql("SELECT version, type, success FROM flyway_schema_history "
                    + "ORDER BY installed_rank").query().listOfRows();
            assertThat(history).extracting(row -> row.get("version") + "/" + row.get("type"))
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("0/BASELINE"),
                            SchemaMigratorTest.VERSIONS.stream().map(v -> v + "/SQL")).toList());

            assertThat(new SchemaMigrator(db.dataSource(), SchemaProperties.defaults()).migrateOnce()).isTrue();
            assertThat(snapshot(jdbc)).isEqualTo(before);
        }
    }

    @Test
    void v2AddsTheUpstreamSentimentColumnsToAnOlderPythonTableAndKeepsItsRows() {
        try (ScratchDatabase db = ScratchDatabase.create("pynews")) {
            JdbcClient jdbc = db.jdbc();
            jdbc.sql("""
                    CREATE TABLE STOCK_NEWS_SENTIMENT (
                      ID int NOT NULL AUTO_INCREMENT, STOCK_CODE varchar(20), NEWS_DATE datetime,
                      HEADLINE varchar(1000), SENTIMENT_SCORE float, ARTICLE_URL varchar(500), PRIMARY KEY (ID),
                      UNIQUE KEY ARTICLE_URL (ARTICLE_URL)) DEFAULT CHARSET=utf8mb4""").update();
            jdbc.sql("INSERT INTO STOCK_NEWS_SENTIMENT (STOCK_CODE, NEWS_DATE, HEADLINE, SENTIMENT_SCORE, ARTICLE_URL) "
                    + "VALUES ('005930', '2026-02-11 00:00:00', 'HBM 수주', 78, 'https://n.news.naver.com/1')").update();
            List<Map<String, Object>> before = jdbc.sql("SELECT * FROM STOCK_NEWS_SENTIMENT").query().listOfRows();

            assertThat(new SchemaMigrator(db.dataSource(), SchemaProperties.defaults()).migrateOnce()).isTrue();

            List<Map<String, Object>> after = jdbc.sql("SELECT ID, STOCK_CODE, NEWS_DATE, HEADLINE, SENTIMENT_SCORE, "
                    + "ARTICLE_URL FROM STOCK_NEWS_SENTIMENT").query().listOfRows();
            assertThat(after).isEqualTo(before);
            assertThat(columnType(jdbc, db.name(), "STOCK_NEWS_SENTIMENT", "SENTIMENT_REASON")).isEqualTo("varchar(1000)");
            assertThat(columnType(jdbc, db.name(), "STOCK_NEWS_SENTIMENT", "PUBLISHED_AT")).isEqualTo("datetime");
            assertThat(columnType(jdbc, db.name(), "STOCK_NEWS_SENTIMENT", "SENTIMENT_SCORE")).isEqualTo("float");
        }
    }

    @Test
    void repositoriesAndSettingsReadThePythonRows() {
        try (ScratchDatabase db = ScratchDatabase.create("pyread")) {
            JdbcClient jdbc = db.jdbc();
            PYTHON_DDL.forEach(sql -> jdbc.sql(sql).update());
            PYTHON_ROWS.forEach(sql -> jdbc.sql(sql).update());
            assertThat(new SchemaMigrator(db.dataSource(), SchemaProperties.defaults()).migrateOnce()).isTrue();
            ManualMarketClock clock = ManualMarketClock.atKst(java.time.LocalDateTime.parse("2026-02-12T10:30"));
            TableNames real = TableNames.forTradingMode("REAL");

            ActivePortfolioRepository portfolio = new ActivePortfolioRepository(jdbc,
                    new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), clock, real);
            Position samsung = portfolio.find("005930").orElseThrow();
            assertThat(samsung.stockName()).isEqualTo("삼성전자");
            assertThat(samsung.quantity()).isEqualTo(12);
            assertThat(samsung.averageBuyPrice()).isEqualByComparingTo("71250.5");
            assertThat(samsung.currentHighPrice()).isEqualTo(73400L);
            assertThat(samsung.createdAt()).isEqualTo(LocalDateTime.of(2026, 2, 10, 0, 5, 11));

            TradeLogEntry buy = new TradeLogRepository(jdbc, real).findRecent("005930", 5).get(0);
            assertThat(buy.tradeType()).isEqualTo(TradeType.BUY);
            assertThat(buy.price()).isEqualTo(71250L);
            assertThat(buy.reason()).isEqualTo("골든크로스 + LLM 82점");

            StockMasterEntry master = new StockMasterRepository(jdbc, clock).find("005930").orElseThrow();
            assertThat(master.sectorNaver()).isEqualTo("반도체와반도체장비");
            assertThat(master.marketCap()).isEqualTo(425_000_000_000_000L);
            assertThat(master.etf()).as("no IS_ETF column in the Python table").isFalse();

            DailyPrice close = new DailyPriceRepository(jdbc, clock).findLatest("005930", 1).get(0);
            assertThat(close).isEqualTo(new DailyPrice("005930", LocalDate.of(2026, 2, 11), 70800, 72100, 70500,
                    71900, 15234567));

            ConfigRepository config = new ConfigRepository(jdbc, clock);
            RuntimeSettings settings = new RuntimeSettings(SettingsRegistry.standard(), config::findValue,
                    name -> null, clock, Duration.ofSeconds(300));
            assertThat(settings.get(SettingKeys.MAX_BUY_COUNT_PER_DAY)).isEqualTo(4);
            assertThat(config.findValue("SCOUT::real::LAST_LLM_RUN_AT")).isEqualTo(Optional.of("2026-02-11T23:00:00"));
            assertThat(portfolio.recordSale("005930", 2)).isEqualTo(ActivePortfolioRepository.SaleOutcome.REDUCED);
            assertThat(portfolio.find("005930").orElseThrow().totalBuyAmount()).isEqualByComparingTo(
                    new BigDecimal("712505"));
        }
    }

    private static Map<String, List<Map<String, Object>>> snapshot(JdbcClient jdbc) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : PYTHON_TABLES) {
            rows.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1").query().listOfRows());
        }
        return rows;
    }

    /** SHOW CREATE TABLE of every Python table. */
    private static Map<String, String> ddl(JdbcClient jdbc) {
        Map<String, String> ddl = new LinkedHashMap<>();
        for (String table : PYTHON_TABLES) {
            ddl.put(table, jdbc.sql("SHOW CREATE TABLE " + table).query((rs, n) -> rs.getString(2)).single());
        }
        return ddl;
    }

    private static String columnType(JdbcClient jdbc, String schema, String table, String column) {
        return jdbc.sql("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
                + "AND COLUMN_NAME = ?").params(schema, table, column).query(String.class).single();
    }
}
