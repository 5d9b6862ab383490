package com.primejennie.dashboard.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;

import com.primejennie.dashboard.support.Api;
import com.primejennie.dashboard.support.DashboardTestBase;
import com.primejennie.shared.orders.Halt;
import com.primejennie.shared.orders.OrderScope;
import com.primejennie.shared.orders.Reconciliation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/portfolio/order} publishes the bot's manual buy/sell message (shared ManualOrderPublisher) on the
 * executors' stream, answers the stream message id, and audits every request in COMMAND_AUDIT (source dashboard).
 */
class ManualOrderApiTest extends DashboardTestBase {

    @Autowired
    JsonMapper json;

    @Test
    void limitBuyArrivesOnTheBuyStreamWithTheBotsPayloadAndIsAudited() {
        redis.opsForHash().put("prices:realtime", "005930", "71000");
        jdbc.sql("INSERT INTO STOCK_MASTER (STOCK_CODE, STOCK_NAME) VALUES ('005930', '삼성전자')").update();
        Api.Answer a = operator().post("/api/portfolio/order", "{\"stock_code\":\"005930\",\"quantity\":3,"
                + "\"price\":70000,\"side\":\"BUY\",\"order_type\":\"LIMIT\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("status").asString()).isEqualTo("published");
        String id = a.json().get("message_id").asString();
        assertThat(a.json().get("order_id").asString()).isEqualTo(id);
        assertThat(a.json().get("stream").asString()).isEqualTo("stream:buy-signals");

        JsonNode payload = payload("stream:buy-signals", id);
        assertThat(payload.get("source").asString()).isEqualTo("telegram-manual");
        assertThat(payload.get("market_regime").asString()).isEqualTo("MANUAL");
        assertThat(payload.get("strategy_preset").get("name").asString()).isEqualTo("MANUAL_TELEGRAM");
        assertThat(payload.get("manual_quantity").asInt()).isEqualTo(3);
        assertThat(payload.get("limit_price").asLong()).isEqualTo(70_000);
        assertThat(payload.get("user").asString()).isEqualTo("operator");
        JsonNode candidate = payload.get("candidates").get(0);
        assertThat(candidate.get("stock_code").asString()).isEqualTo("005930");
        assertThat(candidate.get("stock_name").asString()).isEqualTo("삼성전자");
        assertThat(candidate.get("current_price").asDouble()).isEqualTo(71_000.0);
        assertThat(candidate.get("manual_quantity").asInt()).isEqualTo(3);
        assertThat(candidate.get("llm_reason").asString()).isEqualTo("[Dashboard 수동매수] 사용자 입력");

        List<Map<String, Object>> audit = audit();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("SOURCE")).isEqualTo("dashboard");
        assertThat(audit.get(0).get("USER_NAME")).isEqualTo("operator");
        assertThat(audit.get(0).get("COMMAND")).isEqualTo("order");
        assertThat(audit.get(0).get("OUTCOME")).isEqualTo("EXECUTED");
        assertThat((String) audit.get(0).get("DETAIL")).contains(id);
    }

    @Test
    void marketSellOfAHeldPositionArrivesOnTheSellStream() {
        jdbc.sql("INSERT INTO ACTIVE_PORTFOLIO_MOCK (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                + "TOTAL_BUY_AMOUNT) VALUES ('000660', 'SK하이닉스', 7, 100000, 700000)").update();
        Api.Answer a = operator().post("/api/portfolio/order", "{\"stock_code\":\"000660\",\"quantity\":5,"
                + "\"side\":\"SELL\",\"order_type\":\"MARKET\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode payload = payload("stream:sell-orders", a.json().get("message_id").asString());
        assertThat(payload.get("stock_code").asString()).isEqualTo("000660");
        assertThat(payload.get("stock_name").asString()).isEqualTo("SK하이닉스");
        assertThat(payload.get("quantity").asInt()).isEqualTo(5);
        assertThat(payload.get("sell_reason").asString()).isEqualTo("MANUAL_SELL");
        assertThat(payload.get("requested_by").asString()).isEqualTo("operator");
    }

    @Test
    void refusedOrdersPublishNothingAndAreAuditedWithTheReason() {
        Api api = operator();
        Api.Answer notHeld = api.post("/api/portfolio/order", "{\"stock_code\":\"000660\",\"quantity\":1,"
                + "\"side\":\"SELL\",\"order_type\":\"MARKET\"}");
        assertThat(notHeld.status()).isEqualTo(400);
        assertThat(notHeld.json().get("detail").asString()).contains("not held");
        Api.Answer badSide = api.post("/api/portfolio/order", "{\"stock_code\":\"005930\",\"quantity\":1,"
                + "\"side\":\"HOLD\",\"order_type\":\"MARKET\"}");
        assertThat(badSide.status()).isEqualTo(400);
        assertThat(badSide.json().get("detail").asString()).contains("side");
        Api.Answer limitWithoutPrice = api.post("/api/portfolio/order", "{\"stock_code\":\"005930\",\"quantity\":1,"
                + "\"side\":\"BUY\",\"order_type\":\"LIMIT\"}");
        assertThat(limitWithoutPrice.status()).isEqualTo(400);
        Api.Answer zero = api.post("/api/portfolio/order", "{\"stock_code\":\"005930\",\"quantity\":0,"
                + "\"side\":\"BUY\",\"order_type\":\"MARKET\"}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("detail").asString()).contains("quantity");
        assertThat(redis.hasKey("stream:buy-signals")).isFalse();
        assertThat(redis.hasKey("stream:sell-orders")).isFalse();
        assertThat(audit()).hasSize(4).allSatisfy(r -> assertThat(r.get("OUTCOME")).isEqualTo("REJECTED"));
    }

    @Test
    void aBuyOfAHaltedStockIsRefused() {
        String prefix = new OrderScope("MOCK", "").prefix();
        redis.opsForValue().set(prefix + "halt:005930", json.writeValueAsString(new Halt("005930", "intent-1",
                "order fate unknown", Instant.parse("2026-03-02T01:00:00Z"))));
        redis.opsForSet().add(prefix + "halts", "005930");
        Api.Answer a = operator().post("/api/portfolio/order", "{\"stock_code\":\"005930\",\"quantity\":1,"
                + "\"price\":70000,\"side\":\"BUY\",\"order_type\":\"LIMIT\"}");
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().get("detail").asString()).contains("halted");
        assertThat(redis.hasKey("stream:buy-signals")).isFalse();
        JsonNode halts = operator().get("/api/system/halts").json();
        assertThat(halts.get("halt_count").asInt()).isEqualTo(1);
        assertThat(halts.get("halts").get(0).get("stock_code").asString()).isEqualTo("005930");
        assertThat(halts.get("halts").get(0).get("reason").asString()).isEqualTo("order fate unknown");
    }

    @Test
    void anUnadoptedReconciliationMismatchIsReportedAndBlocksBuys() {
        String prefix = new OrderScope("MOCK", "").prefix();
        redis.opsForValue().set(prefix + "reconciliation", json.writeValueAsString(new Reconciliation(
                Instant.parse("2026-03-02T06:40:00Z"), "MOCK", "none", List.of(new Reconciliation.Mismatch("000660",
                "SK하이닉스", 5, 3, new java.math.BigDecimal("100000"))), List.of(), List.of())));
        JsonNode safety = operator().get("/api/system/halts").json();
        assertThat(safety.get("mismatch_count").asInt()).isEqualTo(1);
        JsonNode mismatch = safety.get("reconciliation").get("mismatches").get(0);
        assertThat(mismatch.get("stock_code").asString()).isEqualTo("000660");
        assertThat(mismatch.get("broker_quantity").asLong()).isEqualTo(5);
        assertThat(mismatch.get("portfolio_quantity").asLong()).isEqualTo(3);
        assertThat(safety.get("reconciliation").get("clean").asBoolean()).isFalse();
        Api.Answer buy = operator().post("/api/portfolio/order", "{\"stock_code\":\"005930\",\"quantity\":1,"
                + "\"price\":70000,\"side\":\"BUY\",\"order_type\":\"LIMIT\"}");
        assertThat(buy.status()).as(buy.text()).isEqualTo(409);
        assertThat(redis.hasKey("stream:buy-signals")).isFalse();
    }

    @Test
    void aSecondOrderWithinTheBotsMinimumIntervalIsRateLimited() {
        redis.opsForHash().put("prices:realtime", "005930", "71000");
        Api api = operator();
        String body = "{\"stock_code\":\"005930\",\"quantity\":1,\"side\":\"BUY\",\"order_type\":\"MARKET\"}";
        assertThat(api.post("/api/portfolio/order", body).status()).isEqualTo(200);
        Api.Answer second = api.post("/api/portfolio/order", body);
        assertThat(second.status()).isEqualTo(429);
        assertThat(redis.opsForStream().size("stream:buy-signals")).isEqualTo(1);
        assertThat(audit().get(0).get("OUTCOME")).isEqualTo("RATE_LIMITED");
    }

    private JsonNode payload(String stream, String id) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(stream, Range.closed(id, id));
        assertThat(records).hasSize(1);
        return json.readTree(records.get(0).getValue().get("payload").toString());
    }

    private List<Map<String, Object>> audit() {
        return jdbc.sql("SELECT * FROM COMMAND_AUDIT ORDER BY ID DESC").query().listOfRows();
    }
}
