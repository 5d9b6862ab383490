package com.primejennie.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.market.TradingDay;

/** Every app gets one TradingFlags, one DryRun, TradingCosts, TradingDay and SectorGroups from shared. */
class TradingAutoConfigurationTest {

    private static TestRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = new TestRedis();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TradingAutoConfiguration.class))
                .withBean(StringRedisTemplate.class, () -> redis.template)
                .withBean(MarketClock.class, () -> new ManualMarketClock(Instant.parse("2026-02-13T01:00:00Z")))
                .withBean(TradingCalendar.class, () -> KrxCalendar.bundled(KrxSessionRules.defaults()));
    }

    @Test
    void providesTheSharedTradingContracts() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(TradingFlags.class).hasSingleBean(DryRun.class)
                    .hasSingleBean(TradingCosts.class).hasSingleBean(TradingDay.class).hasSingleBean(SectorGroups.class);
            assertThat(context.getBean(TradingCosts.class)).isEqualTo(TradingCosts.DEFAULT);
            assertThat(context.getBean(TradingDay.class).todayKey()).isEqualTo("20260213");
        });
    }

    @Test
    void tradingCostsComeFromTheSettingsKeys() {
        runner().withPropertyValues("TRADING_FEE_RATE=0.00014", "TRADING_SELL_TAX_RATE=0.0018").run(context ->
                assertThat(context.getBean(TradingCosts.class)).isEqualTo(
                        new TradingCosts(new BigDecimal("0.00014"), new BigDecimal("0.0018"))));
    }

    @Test
    void anUnreadableFeeRateFailsStartUpNamingIt() {
        runner().withPropertyValues("TRADING_FEE_RATE=0.015%").run(context ->
                assertThat(context).getFailure()
                        .hasStackTraceContaining("TRADING_FEE_RATE must be a fraction such as 0.00015, got '0.015%'"));
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of(new String[] {"jennie.trading.dry-run-default=false", "jennie.trading-mode=MOCK"}, false),
                Arguments.of(new String[] {"jennie.trading.dry-run-default=true", "jennie.trading-mode=REAL"}, true),
                Arguments.of(new String[] {"jennie.trading-mode=REAL"}, true),
                Arguments.of(new String[] {"jennie.trading-mode=MOCK"}, false),
                Arguments.of(new String[] {"jennie.trading-mode=REAL", "DRY_RUN=false"}, false));
    }

    @ParameterizedTest
    @MethodSource("defaults")
    void dryRunFallsBackToTheProfileDefaultThenTheTradingMode(String[] properties, boolean expected) {
        redis.ensureUp();
        redis.template.delete("trading:dryrun");
        runner().withPropertyValues(properties).run(context ->
                assertThat(context.getBean(DryRun.class).isActive()).isEqualTo(expected));
    }

    @Test
    void withoutRedisThereAreNoFlagsButCostsAndGroupsRemain() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TradingAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(TradingFlags.class).doesNotHaveBean(DryRun.class)
                        .hasSingleBean(TradingCosts.class).hasSingleBean(SectorGroups.class));
    }
}
