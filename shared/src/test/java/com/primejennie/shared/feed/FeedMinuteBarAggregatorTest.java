package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class FeedMinuteBarAggregatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private final MinuteBarAggregator bars = new MinuteBarAggregator();

    @Test
    void foldsTicksOfOneMinuteIntoOhlcvAndHandsTheBarOutWhenTheNextMinuteStarts() {
        assertThat(bars.accept(tick("005930", "090001", 70100, 10, 10), TODAY)).isEmpty();
        assertThat(bars.accept(tick("005930", "090030", 70500, 5, 15), TODAY)).isEmpty();
        assertThat(bars.accept(tick("005930", "090059", 69900, 7, 22), TODAY)).isEmpty();

        assertThat(bars.accept(tick("005930", "090100", 70000, 1, 23), TODAY)).containsExactly(
                new MinuteBar("005930", LocalDateTime.of(2026, 11, 26, 9, 0), 70100, 70500, 69900, 69900, 22, 22));
    }

    @Test
    void keysBarsByExchangeTimeInKstNotByProcessingTime() {
        bars.accept(new TradeTick("005930", "153000", 70000, 70000, 1, 1, "20261125"), TODAY);

        assertThat(bars.drainAll()).extracting(MinuteBar::minute)
                .containsExactly(LocalDateTime.of(2026, 11, 25, 15, 30));
    }

    @Test
    void drainsOnlyBarsWhoseMinuteIsOver() {
        bars.accept(tick("005930", "090010", 70000, 1, 1), TODAY);
        bars.accept(tick("000660", "090110", 130000, 1, 1), TODAY);

        assertThat(bars.drainCompleted(LocalDateTime.of(2026, 11, 26, 9, 1, 30))).extracting(MinuteBar::code)
                .containsExactly("005930");
        assertThat(bars.drainCompleted(LocalDateTime.of(2026, 11, 26, 9, 1, 30))).isEmpty();
        assertThat(bars.drainCompleted(LocalDateTime.of(2026, 11, 26, 9, 2))).extracting(MinuteBar::code)
                .containsExactly("000660");
    }

    private static TradeTick tick(String code, String time, long price, long vol, long acml) {
        return new TradeTick(code, time, price, price, vol, acml, "");
    }
}
