package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TickSizeTest {

    @ParameterizedTest(name = "alignUp({0}) = {1}")
    @CsvSource({
            // spec/buy-path.md §3.5 test vectors
            "1501, 1501", "3003, 3005", "15003, 15010", "34402, 34450", "34400, 34400",
            "100050, 100100", "298893, 299000", "384650, 385000", "500500, 501000", "501000, 501000",
            // band edges are valid with either neighbour's tick
            "1, 1", "2000, 2000", "2001, 2005", "4999, 5000", "5001, 5010", "19991, 20000", "20001, 20050",
            "49999, 50000", "50001, 50100", "199901, 200000", "200001, 200500", "499501, 500000", "500001, 501000"})
    void roundsUpToTheNextValidPriceAsThePythonAlignUpDid(long price, long expected) {
        assertThat(TickSize.roundUp(price)).isEqualTo(expected);
        assertThat(TickSize.isValid(expected)).isTrue();
    }

    @ParameterizedTest(name = "roundDown({0}) = {1}")
    @CsvSource({
            "1501, 1501", "3003, 3000", "15003, 15000", "34402, 34400", "34449, 34400", "100050, 100000",
            "298893, 298500", "384650, 384500", "500500, 500000", "501999, 501000", "2001, 2000", "5009, 5000",
            "20049, 20000", "50099, 50000", "200499, 200000", "1, 1"})
    void roundsDownToThePreviousValidPrice(long price, long expected) {
        assertThat(TickSize.roundDown(price)).isEqualTo(expected);
        assertThat(TickSize.isValid(expected)).isTrue();
    }

    @ParameterizedTest(name = "tick({0}) = {1}")
    @CsvSource({
            "1, 1", "2000, 1", "2001, 5", "5000, 5", "5001, 10", "20000, 10", "20001, 50", "50000, 50",
            "50001, 100", "200000, 100", "200001, 500", "500000, 500", "500001, 1000", "3000000, 1000"})
    void bandsAreInclusiveAtTheirUpperEdge(long price, long tick) {
        assertThat(TickSize.tickFor(price)).isEqualTo(tick);
    }

    @ParameterizedTest(name = "isValid({0}) = {1}")
    @CsvSource({
            "1999, true", "2003, false", "2005, true", "34450, true", "34420, false", "71200, true", "71250, false",
            "385000, true", "384650, false", "501000, true", "500500, false"})
    void validityMatchesTheBandTick(long price, boolean valid) {
        assertThat(TickSize.isValid(price)).isEqualTo(valid);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -71200, Long.MIN_VALUE})
    void failsFastOnNonPositivePricesInsteadOfPricingAnOrderAtZero(long price) {
        assertThatThrownBy(() -> TickSize.roundUp(price)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(price));
        assertThatThrownBy(() -> TickSize.roundDown(price)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TickSize.isValid(price)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void failsFastInsteadOfOverflowingNearLongMax() {
        assertThatThrownBy(() -> TickSize.roundUp(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }
}
