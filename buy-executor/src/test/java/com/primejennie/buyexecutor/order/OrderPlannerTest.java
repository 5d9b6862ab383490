package com.primejennie.buyexecutor.order;

import com.primejennie.shared.market.TickSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPlannerTest {

    @ParameterizedTest(name = "alignUp({0}) = {1}")
    @CsvSource({"1501,1501", "3003,3005", "15003,15010", "34402,34450", "34400,34400", "100050,100100",
            "298893,299000", "384650,385000", "500500,501000", "501000,501000"})
    void alignsUpToTheKrxTickAsTheSpecVectors(long input, long expected) {
        assertThat(TickSize.roundUp(input)).isEqualTo(expected);
    }

    @Test
    void momentumSignalWithLimitOrdersEnabledIsALimitAtTruncatedPremiumAlignedUp() {
        // 71,200 x 1.003 = 71,413.6 -> int 71,413 -> tick 100 -> 71,500
        OrderPlan plan = OrderPlanner.plan("MOMENTUM", 71_200, null, true, 0.003, 10);
        assertThat(plan.limit()).isTrue();
        assertThat(plan.limitPrice()).isEqualTo(71_500);
        assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void nonMomentumSignalOrDisabledLimitsGoAtMarket() {
        assertThat(OrderPlanner.plan("DIP_BUY", 71_200, null, true, 0.003, 10).limit()).isFalse();
        assertThat(OrderPlanner.plan("MOMENTUM", 71_200, null, false, 0.003, 10).limit()).isFalse();
        assertThat(OrderPlanner.plan("VCP_BREAKOUT", 71_200, null, true, 0.003, 10).limit()).isFalse();
    }

    @Test
    void manualBuyWithLimitPriceIsALimitOrderAtThatPriceRoundedDownToTheTick() {
        OrderPlan plan = OrderPlanner.plan("MANUAL", 50_000, 34_402L, false, 0.003, 10);
        assertThat(plan.limit()).isTrue();
        assertThat(plan.limitPrice()).isEqualTo(34_400);
        assertThat(OrderPlanner.plan("MANUAL", 50_000, 71_000L, false, 0.003, 10).limitPrice()).isEqualTo(71_000);
    }

    @Test
    void rejectsANonPositiveManualLimitPrice() {
        assertThatThrownBy(() -> OrderPlanner.plan("MANUAL", 50_000, 0L, false, 0.003, 10))
                .hasMessageContaining("limit price must be > 0");
    }
}
