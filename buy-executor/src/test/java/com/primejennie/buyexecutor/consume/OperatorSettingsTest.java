package com.primejennie.buyexecutor.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.orders.OrderTicket;

/**
 * The bot's settings commands reach the executor through the registry: {@code /risk} ({@code RISK_LEVEL}) scales the
 * ATR risk-parity size, {@code /maxbuy} ({@code MAX_BUY_COUNT_PER_DAY}) decides the daily limit once the settings
 * cache has expired (market clock, no sleeps).
 */
class OperatorSettingsTest extends PipelineFixture {

    private OrderTicket buyNaverWithAtr2500() {
        cash = 10_000_000;
        holdings.add(BuyPipelineTest.position("111111", 100, 50_000, "무관"));
        db.put("CASH_FLOOR_SIDEWAYS_PCT", "0");
        atr("035420", 2_500);
        BuyOutcome o = run(dipBuy());
        assertThat(o.status()).as(o.reason()).isEqualTo("success");
        return orders.submitted.get("1770772980000-0:035420");
    }

    // total 15,000,000; ATR 2,500 x 2 = 5,000 risked per share; RISK_PER_TRADE_PCT 1 % = 150,000 -> 30 shares;
    // the 12 % cap (1,800,000 = 36 shares at 50,000) still bounds aggressive (45 -> 36)
    @ParameterizedTest(name = "RISK_LEVEL {0} -> {1} shares")
    @CsvSource({"conservative,15", "moderate,30", "aggressive,36", "AGGRESSIVE,36"})
    void riskLevelScalesTheRiskPerTradeWithinTheSizeCaps(String level, long shares) {
        db.put("RISK_LEVEL", level);
        OrderTicket t = buyNaverWithAtr2500();
        assertThat(t.quantity()).isEqualTo(shares);
        assertThat(t.keyMetrics()).containsEntry("risk_level", level.toLowerCase());
    }

    @Test
    void withoutRiskLevelTheSizingIsModerate() {
        assertThat(buyNaverWithAtr2500().quantity()).isEqualTo(30);
    }

    @Test
    void aStoredRiskLevelThatIsNotALevelSizesAsConservative() {
        db.put("RISK_LEVEL", "yolo");
        OrderTicket t = buyNaverWithAtr2500();
        assertThat(t.quantity()).isEqualTo(15);
        assertThat(t.keyMetrics()).containsEntry("risk_level", "conservative");
    }

    @Test
    void aManualQuantityIsNotScaledByRiskLevel() {
        db.put("RISK_LEVEL", "conservative");
        BuySignal manual = new BuySignal(List.of(candidate("035420", "NAVER", "MANUAL", 50_000, 72)), "MANUAL",
                null, BuySignal.SOURCE_TELEGRAM_MANUAL, null, null, 7, null, null, null, null, null);
        BuyOutcome o = run(manual);
        assertThat(o.status()).as(o.reason()).isEqualTo("success");
        assertThat(orders.submitted.get("1770772980000-0:035420").quantity()).isEqualTo(7);
    }

    @Test
    void aMaxBuyChangeInTheRegistryDecidesTheNextSignalOnceTheSettingsCacheExpired() {
        settingsCacheTtl = Duration.ofSeconds(300);
        setUp();
        db.put("MAX_BUY_COUNT_PER_DAY", "3");
        orders.buyOrdersToday = 3;
        assertThat(run(dipBuy()).reason()).isEqualTo("Daily buy limit reached: 3/3");

        db.put("MAX_BUY_COUNT_PER_DAY", "5"); // the bot's /maxbuy 5
        clock.advance(Duration.ofSeconds(299));
        assertThat(run(dipBuy()).reason()).as("still the cached 3").isEqualTo("Daily buy limit reached: 3/3");

        clock.advance(Duration.ofSeconds(1));
        assertThat(run(dipBuy()).status()).isEqualTo("success");

        db.put("MAX_BUY_COUNT_PER_DAY", "2"); // and lowering it stops the next one
        orders.buyOrdersToday = 4;
        clock.advance(Duration.ofSeconds(300));
        assertThat(pipeline.process(new BuyRequest(signal("SIDEWAYS",
                candidate("000660", "SK하이닉스", "DIP_BUY", 50_000, 72)), "2-0", null)).reason())
                .isEqualTo("Daily buy limit reached: 4/2");
    }
}
