package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FeedSubscriptionPlannerTest {

    @Test
    void holdingsTakePriorityWhenTheUnionExceedsTheLimit() {
        SubscriptionPlanner planner = new SubscriptionPlanner(3);

        List<String> target = planner.target(List.of("000660", "005930"), List.of("035420", "035720", "005380"));

        assertThat(target).containsExactly("000660", "005930", "035420");
    }

    @Test
    void holdingsAloneBeyondTheLimitAreCutToTheLimitAndLeaveNoRoomForTheWatchlist() {
        SubscriptionPlanner planner = new SubscriptionPlanner(2);

        assertThat(planner.target(List.of("A", "B", "C"), List.of("W"))).containsExactly("A", "B");
    }

    @Test
    void neverPlansMoreThanKisRegistrationLimitOf41() {
        SubscriptionPlanner planner = new SubscriptionPlanner(41);
        List<String> watch = IntStream.range(0, 100).mapToObj(i -> String.format("%06d", i)).toList();

        assertThat(planner.target(List.of("999999"), watch)).hasSize(41).startsWith("999999", "000000");
    }

    @Test
    void dropsDuplicatesAndBlanks() {
        SubscriptionPlanner planner = new SubscriptionPlanner(10);

        assertThat(planner.target(List.of("005930", " "), List.of("005930", "000660")))
                .containsExactly("005930", "000660");
    }

    @Test
    void diffSubscribesNewCodesAndUnsubscribesDroppedOnes() {
        SubscriptionPlanner planner = new SubscriptionPlanner(10);

        SubscriptionPlanner.Plan plan = planner.diff(List.of("A", "B", "C"), List.of("A", "D", "C"));

        assertThat(plan.subscribe()).containsExactly("D");
        assertThat(plan.unsubscribe()).containsExactly("B");
        assertThat(planner.diff(List.of("A"), List.of("A")).isNoop()).isTrue();
    }
}
