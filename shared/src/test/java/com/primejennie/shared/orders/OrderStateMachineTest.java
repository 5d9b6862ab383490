package com.primejennie.shared.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.primejennie.shared.orders.OrderStateMachine.Event;

/** The order protocol's one table: the moves it allows, and that anything else is an error, not an overwrite. */
class OrderStateMachineTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "INTENDED, SEND, SENT",
            "INTENDED, DRY_RUN, DRY_RUN",
            "INTENDED, REFUSE, REJECTED",
            "SENT, NOT_SENT, INTENDED",
            "SENT, ACCEPT, ACCEPTED",
            "SENT, REJECT, REJECTED",
            "SENT, LOSE_ANSWER, UNKNOWN",
            "UNKNOWN, ACCEPT, ACCEPTED",
            "UNKNOWN, RESEND, SENT",
            "UNKNOWN, NEVER_ARRIVED, REJECTED",
            "ACCEPTED, FILL, PARTIALLY_FILLED",
            "ACCEPTED, FILL, FILLED",
            "PARTIALLY_FILLED, FILL, PARTIALLY_FILLED",
            "PARTIALLY_FILLED, FILL, FILLED",
            "ACCEPTED, CANCEL_CONFIRMED, CANCELLED",
            "PARTIALLY_FILLED, CANCEL_CONFIRMED, CANCELLED",
            "CANCELLED, LATE_FILL, CANCELLED",
            "CANCELLED, LATE_FILL, FILLED"})
    void allowsTheProtocolsMoves(OrderState from, Event event, OrderState to) {
        assertThat(OrderStateMachine.transition(from, event, to)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2} is refused")
    @CsvSource({
            "UNKNOWN, SEND, SENT",            // a lost buy is never sent again as if new
            "UNKNOWN, REJECT, REJECTED",      // an unknown answer is not a rejection
            "UNKNOWN, NOT_SENT, INTENDED",    // once it may have left, it never goes back to not sent
            "ACCEPTED, NOT_SENT, INTENDED",
            "FILLED, FILL, PARTIALLY_FILLED", // a fill never goes backwards
            "REJECTED, ACCEPT, ACCEPTED",
            "DRY_RUN, SEND, SENT",
            "INTENDED, ACCEPT, ACCEPTED",     // accepted only after it was sent
            "SENT, FILL, FILLED",
            "CANCELLED, CANCEL_CONFIRMED, CANCELLED"})
    void refusesImpossibleMoves(OrderState from, Event event, OrderState to) {
        assertThatThrownBy(() -> OrderStateMachine.transition(from, event, to))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining(from.name()).hasMessageContaining(event.name());
    }

    @Test
    void finalStatesAreNeverOpenAndOpenStatesCountAsExposure() {
        for (OrderState s : OrderState.values()) {
            assertThat(s.isFinal() && s.isOpen()).as(s.name()).isFalse();
        }
        assertThat(EnumSet.allOf(OrderState.class).stream().filter(OrderState::isOpen))
                .containsExactlyInAnyOrder(OrderState.INTENDED, OrderState.SENT, OrderState.ACCEPTED,
                        OrderState.PARTIALLY_FILLED, OrderState.UNKNOWN);
    }

    @Test
    void aFillThatCompletesTheOrderFillsItEvenAfterACancel() {
        assertThat(OrderStateMachine.afterFill(OrderState.ACCEPTED, 3, 10)).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(OrderStateMachine.afterFill(OrderState.PARTIALLY_FILLED, 10, 10)).isEqualTo(OrderState.FILLED);
        assertThat(OrderStateMachine.afterFill(OrderState.CANCELLED, 7, 10)).isEqualTo(OrderState.CANCELLED);
        assertThat(OrderStateMachine.afterFill(OrderState.CANCELLED, 10, 10)).isEqualTo(OrderState.FILLED);
    }
}
