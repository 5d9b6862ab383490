package com.primejennie.commandhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.primejennie.shared.audit.AuditOutcome;
import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.manual.ManualActor;
import com.primejennie.shared.manual.ManualTradeLimits;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.trading.TradingFlags;

/** /buy, /sell, /sellall over the fake Telegram: exact stream payloads, argument errors, confirmation, limits. */
class ManualTradingTest extends BotTestBase {

    @Autowired
    ActivePortfolioRepository portfolio;
    @Autowired
    ManualTradeLimits limits;
    @Autowired
    TradingFlags flags;

    private static final String BUY_10 = "{\"source\":\"telegram-manual\",\"market_regime\":\"MANUAL\","
            + "\"strategy_preset\":{\"name\":\"MANUAL_TELEGRAM\",\"params\":{}},"
            + "\"risk_setting\":{\"position_size_ratio\":1.0},\"manual_quantity\":10,\"dry_run\":false,"
            + "\"user\":\"jennie\",\"requested_at\":\"2026-02-12T01:00:00.000000\",\"candidates\":[{"
            + "\"stock_code\":\"005930\",\"stock_name\":\"삼성전자\",\"current_price\":71000.0,\"llm_score\":100,"
            + "\"llm_reason\":\"[Telegram 수동매수] 사용자 입력\",\"buy_signal_type\":\"MANUAL_TELEGRAM\","
            + "\"factor_score\":100,\"manual_quantity\":10}]}";

    @Test
    void buyPublishesExactlyThePythonBotsMessageAndRepliesWithItsId() {
        String reply = say("/buy 삼성전자 10");

        assertThat(stream(BuySignal.STREAM)).singleElement().satisfies(r -> {
            assertThat(payload(r)).isEqualTo(BUY_10);
            assertThat(reply).contains("매수 요청 접수").contains("삼성전자 (005930)").contains("10주")
                    .contains("710,000원").contains(r.getId().getValue());
        });
        assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.EXECUTED);
        assertThat(lastAudit().command()).isEqualTo("buy");
        assertThat(lastAudit().arguments()).isEqualTo("삼성전자 10");
        BuySignal read = WireJson.mapper().readValue(payload(stream(BuySignal.STREAM).get(0)), BuySignal.class);
        assertThat(read.isManual()).as("the executor's manual marker").isTrue();
    }

    @Test
    void buyWithoutQuantitySpendsTwentyPercentOfTheOrderableCash() {
        say("/buy 005930");

        // floor(10,000,000 × 0.2 / 71,000) = 28
        assertThat(WireJson.mapper().readTree(payload(stream(BuySignal.STREAM).get(0))).path("manual_quantity")
                .asInt()).isEqualTo(28);
    }

    @Test
    void buyArgumentErrorsAreAnsweredAndPublishNothing() {
        assertThat(say("/buy")).contains("사용법").contains("/buy");
        assertThat(say("/buy 삼성전자 열주")).contains("수량이 올바르지 않습니다: 열주");
        assertThat(say("/buy 삼성전자 0")).contains("수량이 올바르지 않습니다: 0");
        assertThat(say("/buy 없는회사 1")).contains("종목을 찾을 수 없습니다: 없는회사");

        assertThat(stream(BuySignal.STREAM)).isEmpty();
        assertThat(auditRows()).extracting(e -> e.outcome()).containsOnly(AuditOutcome.REJECTED);
    }

    @Test
    void dryRunOnGoesIntoTheMessageAndTheReply() {
        say("/dryrun on");

        String reply = say("/buy 삼성전자 1");

        assertThat(WireJson.mapper().readTree(payload(stream(BuySignal.STREAM).get(0))).path("dry_run").asBoolean())
                .isTrue();
        assertThat(reply).contains("DRY_RUN");
    }

    @Test
    void sellPublishesExactlyThePythonBotsMessage() {
        portfolio.recordBuy("005930", "삼성전자", 10, 70000, BigDecimal.valueOf(65000));

        String reply = say("/sell 삼성전자 3");

        assertThat(stream(SellOrder.STREAM)).singleElement().satisfies(r -> {
            assertThat(payload(r)).isEqualTo("{\"source\":\"telegram-manual\",\"stock_code\":\"005930\","
                    + "\"stock_name\":\"삼성전자\",\"quantity\":3,\"sell_reason\":\"MANUAL_SELL\","
                    + "\"requested_by\":\"jennie\",\"requested_at\":\"2026-02-12T01:00:00.000000\",\"dry_run\":false}");
            assertThat(reply).contains("매도 요청 접수").contains("3주").contains(r.getId().getValue());
        });
    }

    @Test
    void sellWithoutQuantityOrWithAllWordSellsTheWholeHolding() {
        portfolio.recordBuy("005930", "삼성전자", 10, 70000, BigDecimal.valueOf(65000));

        say("/sell 005930");
        say("/sell 삼성전자 전량");

        assertThat(stream(SellOrder.STREAM)).extracting(r -> WireJson.mapper().readTree(payload(r)).path("quantity")
                .asInt()).containsExactly(10, 10);
    }

    @Test
    void sellRefusesWhatIsNotHeldOrMoreThanHeldWithoutUsingQuota() {
        portfolio.recordBuy("005930", "삼성전자", 10, 70000, BigDecimal.valueOf(65000));

        assertThat(say("/sell SK하이닉스 1")).contains("보유하지 않은 종목입니다");
        assertThat(say("/sell 삼성전자 11")).contains("보유 10주").contains("요청 11주");
        assertThat(say("/sell 삼성전자 x")).contains("수량이 올바르지 않습니다: x");
        assertThat(say("/sell")).contains("사용법");

        assertThat(stream(SellOrder.STREAM)).isEmpty();
        assertThat(limits.usedToday(ManualActor.telegram(String.valueOf(CHAT), "jennie"))).isZero();
    }

    @Test
    void sellAllNeedsConfirmationThenSendsOneSellallPerHoldingOutsideTheDailyLimit() {
        portfolio.recordBuy("005930", "삼성전자", 10, 70000, BigDecimal.valueOf(65000));
        portfolio.recordBuy("000660", "SK하이닉스", 4, 200000, BigDecimal.valueOf(180000));

        String preview = say("/sellall");
        assertThat(preview).contains("2개").contains("삼성전자: 10주").contains("SK하이닉스: 4주")
                .contains("/sellall 확인");
        assertThat(say("/sellall 네")).contains("/sellall 확인");
        assertThat(stream(SellOrder.STREAM)).isEmpty();
        assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.REJECTED);

        String done = say("/sellall 확인");

        assertThat(done).contains("성공: 2건").contains("실패: 0건");
        assertThat(stream(SellOrder.STREAM)).extracting(r -> WireJson.mapper().readTree(payload(r)))
                .extracting(n -> n.path("stock_code").asString() + ":" + n.path("quantity").asInt() + ":"
                        + n.path("sell_reason").asString())
                .containsExactlyInAnyOrder("005930:10:MANUAL_SELLALL", "000660:4:MANUAL_SELLALL");
        assertThat(limits.usedToday(ManualActor.telegram(String.valueOf(CHAT), "jennie"))).isZero();
    }

    @Test
    void sellAllWithNothingHeldSaysSo() {
        assertThat(say("/sellall 확인")).contains("청산할 보유 종목이 없습니다");
    }

    @Test
    void dailyLimitRefusesTheFourthTradeAndRejectedRequestsUseNoQuota() {
        portfolio.recordBuy("005930", "삼성전자", 10, 70000, BigDecimal.valueOf(65000));
        say("/buy 삼성전자 1");
        say("/buy 없는회사 1");          // rejected later: no quota
        say("/sell SK하이닉스 1");        // not held: no quota
        say("/sell 삼성전자 1");
        say("/buy 삼성전자 abc");         // argument error: no quota
        say("/buy 000660 1");

        String fourth = say("/buy 삼성전자 1");

        assertThat(fourth).contains("일일 수동 거래 한도를 초과했습니다. (최대 3건)");
        assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.LIMIT_REACHED);
        assertThat(stream(BuySignal.STREAM)).hasSize(2);
        assertThat(stream(SellOrder.STREAM)).hasSize(1);
        assertThat(redis.opsForValue().get("telegram:manual_trades:20260212:" + CHAT)).isEqualTo("3");
        assertThat(say("/sell 삼성전자 1")).as("sells count too").contains("한도");
    }

    @Test
    void dailyLimitIsPerChatAndPerKrxTradingDay() {
        say("/buy 삼성전자 1");
        say("/buy 삼성전자 1");
        say("/buy 삼성전자 1");

        assertThat(sayFrom(OTHER_ALLOWED_CHAT, "ops", "/buy 삼성전자 1")).contains("매수 요청 접수");
        // 00:00 KST Friday: a new trading day
        ((com.primejennie.shared.market.ManualMarketClock) clock).set(java.time.Instant.parse(
                "2026-02-12T15:00:00Z"));
        assertThat(say("/buy 삼성전자 1")).contains("매수 요청 접수");
    }

    @Test
    void aManualBuyIsPublishedDuringAPause() {
        flags.pause("점검", null);

        assertThat(say("/buy 삼성전자 1")).contains("매수 요청 접수");
    }
}
