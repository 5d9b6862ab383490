package com.primejennie.dashboard.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The known data the browser test expects on the pages, written into the test's real MariaDB (mock-mode tables) and
 * Redis database. Times are naive UTC around the simulated clock's 2026-03-04 10:00 KST (01:00 UTC).
 */
final class ConsoleFixtures {

    static final String HELD_CODE = "005930";
    static final String HELD_NAME = "삼성전자";
    /** 10 shares at 70,000, live price 77,000: +70,000 (+10.00%). */
    static final String HELD_PL = "+70,000";
    static final String TRADED_CODE = "000660";
    static final String TRADED_NAME = "SK하이닉스";
    /** Today's sell of 5 × 000660 at 190,000 with the ledger's net P/L of record. */
    static final String SELL_PRICE = "190,000";
    static final String REALIZED = "+48,123";
    static final String CASH = "12,345,678";
    static final String STREAM = "stream:buy-signals";
    static final int DEAD_LETTERS = 3;
    static final String DEAD_REASON = "unparseable";
    static final String ACCOUNT = "50000000";
    static final String HALT_REASON = "fill unknown after timeout";

    private ConsoleFixtures() {
    }

    static void write(DataSource dataSource, StringRedisTemplate redis) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (String t : new String[] {"ACTIVE_PORTFOLIO_MOCK", "TRADELOG_MOCK", "ORDER_LEDGER_MOCK", "ORDER_FILL_MOCK",
                "DAILY_ASSET_SNAPSHOT", "STOCK_MASTER", "STOCK_DAILY_PRICES_3Y", "STOCK_MINUTE_PRICE", "CONFIG"}) {
            jdbc.sql("DELETE FROM " + t).update();
        }
        jdbc.sql("INSERT INTO STOCK_MASTER (STOCK_CODE, STOCK_NAME) VALUES (?, ?), (?, ?)")
                .params(HELD_CODE, HELD_NAME, TRADED_CODE, TRADED_NAME).update();
        jdbc.sql("INSERT INTO ACTIVE_PORTFOLIO_MOCK (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                + "TOTAL_BUY_AMOUNT) VALUES (?, ?, 10, 70000, 700000)").params(HELD_CODE, HELD_NAME).update();
        jdbc.sql("INSERT INTO ACTIVE_PORTFOLIO_MOCK (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                + "TOTAL_BUY_AMOUNT) VALUES ('035720', '카카오', 20, 50000, 1000000)").update();
        redis.opsForHash().putAll("prices:realtime", Map.of(HELD_CODE, "77000", "035720", "48500"));
        LocalDateTime buyAt = LocalDateTime.of(2026, 3, 4, 0, 5);
        LocalDateTime sellAt = LocalDateTime.of(2026, 3, 4, 0, 40);
        String trade = "INSERT INTO TRADELOG_MOCK (STOCK_CODE, TRADE_TYPE, QUANTITY, PRICE, REASON, TRADE_TIMESTAMP, "
                + "STRATEGY_SIGNAL, KEY_METRICS_JSON) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.sql(trade).params(TRADED_CODE, "BUY", 5, 180000, "골든크로스 돌파", buyAt, "GOLDEN_CROSS", null).update();
        jdbc.sql(trade).params(TRADED_CODE, "SELL", 5, 190000, "목표가 도달 (+5.6%)", sellAt, "TAKE_PROFIT",
                "{\"profit_amount\": 48123, \"profit_pct\": 5.35}").update();
        jdbc.sql(trade).params(HELD_CODE, "BUY", 10, 70000, "RSI 과매도 반등", LocalDateTime.of(2026, 3, 3, 1, 0),
                "RSI_REBOUND", null).update();
        jdbc.sql(trade).params(TRADED_CODE, "SELL", 3, 170000, "손절", LocalDateTime.of(2026, 3, 2, 5, 0),
                "STOP_LOSS", "{\"profit_amount\": -15000}").update();
        String order = "INSERT INTO ORDER_LEDGER_MOCK (INTENT_KEY, ACCOUNT_NO, SOURCE, STOCK_CODE, STOCK_NAME, SIDE, "
                + "QUANTITY, ORDER_TYPE, LIMIT_PRICE, ORDER_NO, STATE, FILLED_QUANTITY, FILLED_AMOUNT, FEE, TAX, "
                + "CREATED_AT, UPDATED_AT) VALUES (?, '50000000', ?, ?, ?, ?, ?, 'LIMIT', ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.sql(order).params("buy:000660:20260304", "buy-executor", TRADED_CODE, TRADED_NAME, "BUY", 10, 180000,
                "0000117", "CANCELLED", 5, 900000, 135, 0, buyAt, buyAt).update();
        jdbc.sql(order).params("sell:000660:20260304", "sell-executor", TRADED_CODE, TRADED_NAME, "SELL", 5, 0,
                "0000231", "FILLED", 5, 950000, 142, 1900, sellAt, sellAt).update();
        String fill = "INSERT INTO ORDER_FILL_MOCK (INTENT_KEY, CUM_QUANTITY, ORDER_NO, STOCK_CODE, SIDE, QUANTITY, "
                + "AMOUNT, FEE, TAX, APPLIED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.sql(fill).params("buy:000660:20260304", 3, "0000117", TRADED_CODE, "BUY", 3, 540000, 81, 0, buyAt)
                .update();
        jdbc.sql(fill).params("buy:000660:20260304", 5, "0000117", TRADED_CODE, "BUY", 2, 360000, 54, 0, buyAt)
                .update();
        jdbc.sql(fill).params("sell:000660:20260304", 5, "0000231", TRADED_CODE, "SELL", 5, 950000, 142, 1900,
                sellAt).update();
        jdbc.sql("INSERT INTO DAILY_ASSET_SNAPSHOT (SNAPSHOT_DATE, TOTAL_ASSET_AMOUNT, CASH_BALANCE, "
                + "STOCK_EVAL_AMOUNT) VALUES ('2026-03-03', 14015678, 12345678, 1670000)").update();
        long close = 170000;
        for (int i = 40; i >= 1; i--) {
            LocalDate day = LocalDate.of(2026, 3, 4).minusDays(i);
            long open = close;
            close = open + ((i * 7919) % 9 - 4) * 1000L;
            jdbc.sql("INSERT INTO STOCK_DAILY_PRICES_3Y (STOCK_CODE, PRICE_DATE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, "
                    + "CLOSE_PRICE, VOLUME) VALUES (?, ?, ?, ?, ?, ?, ?)").params(TRADED_CODE, day, open,
                    Math.max(open, close) + 2000, Math.min(open, close) - 2000, close, 1_000_000 + i).update();
        }
        jdbc.sql("INSERT INTO STOCK_DAILY_PRICES_3Y (STOCK_CODE, PRICE_DATE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, "
                + "CLOSE_PRICE, VOLUME) VALUES (?, '2026-03-04', 181000, 192000, 179000, 190000, 2000000)")
                .param(TRADED_CODE).update();
        for (int m = 0; m < 60; m++) {
            long p = 180000 + (m % 13) * 500L;
            jdbc.sql("INSERT INTO STOCK_MINUTE_PRICE (PRICE_TIME, STOCK_CODE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, "
                    + "CLOSE_PRICE, VOLUME) VALUES (?, ?, ?, ?, ?, ?, ?)").params(LocalDateTime.of(2026, 3, 4, 0, 0)
                    .plusMinutes(m), TRADED_CODE, p, p + 700, p - 600, p + 200, 1000 + m).update();
        }

        redis.opsForValue().set("buy_logic:snapshot:" + TRADED_CODE, "{\"stock_code\":\"000660\",\"result\":"
                + "\"PASSED\",\"rsi\":41.2,\"regime\":\"BULL\",\"gate\":\"all passed\"}");
        redis.opsForValue().set("logic:signals:" + TRADED_CODE, "[{\"timestamp\":\"2026-03-04T09:05:00+09:00\","
                + "\"type\":\"BUY\",\"signal_type\":\"GOLDEN_CROSS\",\"reason\":\"5/20 골든크로스\",\"price\":180000,"
                + "\"stock_name\":\"SK하이닉스\"}]");
        redis.opsForHash().putAll("scout:pipeline:status", Map.of("phase", "3", "phase_name", "LLM 분석",
                "status", "running", "progress", "62.5", "current_stock", "035720", "total_candidates", "48",
                "passed_phase1", "20", "passed_phase2", "8", "final_selected", "5",
                "last_updated", "2026-03-04T08:40:00+09:00"));
        redis.opsForValue().set("hot_watchlist:v1772580000", "{\"generated_at\":\"2026-03-03T23:20:00Z\","
                + "\"market_regime\":\"BULL\",\"score_threshold\":0,\"stocks\":["
                + "{\"code\":\"005930\",\"name\":\"삼성전자\",\"llm_score\":82.5,\"rank\":1,\"is_tradable\":true,"
                + "\"trade_tier\":\"TIER1\",\"hybrid_score\":84.1},"
                + "{\"code\":\"000660\",\"name\":\"SK하이닉스\",\"llm_score\":77,\"rank\":2,\"is_tradable\":true,"
                + "\"trade_tier\":\"TIER2\"}]}");
        redis.opsForValue().set("hot_watchlist:active", "hot_watchlist:v1772580000");
        redis.opsForValue().set("scout:pipeline:results", "[{\"stock_code\":\"005930\",\"stock_name\":\"삼성전자\","
                + "\"grade\":\"A\",\"final_score\":84.1,\"selected\":false,\"judge_reason\":\"HBM 수요 회복과 외국인 "
                + "순매수\"}]");
        redis.opsForStream().add(StreamRecords.string(Map.of("payload", "{}")).withStreamKey(STREAM));
        redis.opsForStream().createGroup(STREAM, "group_buy_executor");
        for (int i = 0; i < DEAD_LETTERS; i++) {
            redis.opsForStream().add(StreamRecords.string(Map.of("reason", DEAD_REASON, "error",
                    "quantity: 10.9 is not a whole number", "original_id", "1772580000000-" + i, "payload",
                    "{\"stock_code\":\"000660\",\"quantity\":10.9}", "dead_at", "2026-03-04T00:3" + i + ":00Z"))
                    .withStreamKey(STREAM + ":dead"));
        }
        // The order service's safety keys for mock mode and the test's paper account (OrderScope.prefix()).
        String orders = "orders:mock:" + ACCOUNT + ":";
        redis.opsForSet().add(orders + "halts", TRADED_CODE);
        redis.opsForValue().set(orders + "halt:" + TRADED_CODE, "{\"code\":\"000660\",\"intentKey\":"
                + "\"buy:000660:20260304\",\"reason\":\"" + HALT_REASON + "\",\"since\":\"2026-03-04T00:06:00Z\"}");
        redis.opsForValue().set(orders + "reconciliation", "{\"checkedAt\":\"2026-03-04T00:30:00Z\",\"tradingMode\":"
                + "\"MOCK\",\"account\":\"" + ACCOUNT + "\",\"mismatches\":[{\"code\":\"035720\",\"name\":\"카카오\","
                + "\"brokerQuantity\":15,\"portfolioQuantity\":20,\"brokerAveragePrice\":50000}],\"unmanaged\":[],"
                + "\"inFlight\":[]}");
        redis.opsForHash().putAll("llm:stats:2026-03-04:scout-job", Map.of("calls", "42", "tokens_in", "120000",
                "tokens_out", "8000"));
        redis.opsForHash().putAll("llm:stats:2026-03-04:reasoning", Map.of("calls", "40", "tokens_in", "118000",
                "tokens_out", "7600"));
    }
}
