package com.primejennie.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

/** Whole-number fields accept Python's {@code 10.0} but never truncate a fractional value silently. */
class WholeNumberFieldsTest {

    private final JsonMapper json = WireJson.mapper();

    @ParameterizedTest(name = "quantity {0} reads as {1}")
    @CsvSource({"250, 250", "250.0, 250", "2.5e2, 250", "'\"250\"', 250"})
    void acceptsWholeNumbersWrittenAsIntFloatOrText(String raw, int expected) {
        assertThat(json.readValue("{\"quantity\":" + raw + "}", SellOrder.class).quantity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "quantity {0} is refused")
    @ValueSource(strings = {"10.9", "0.5", "1e-3", "\"ten\"", "3000000000"})
    void rejectsFractionalQuantityInsteadOfTruncatingIt(String raw) {
        assertThatThrownBy(() -> json.readValue("{\"quantity\":" + raw + "}", SellOrder.class))
                .hasMessageContaining(raw.replace("\"", "").replace("1e-3", "0.001"));
    }

    @ParameterizedTest(name = "created_at_utc {0}")
    @CsvSource({"1770700000, 1770700000", "1.7707e9, 1770700000"})
    void readsEpochSecondsAsLong(String raw, long expected) {
        assertThat(json.readValue("{\"created_at_utc\":" + raw + "}", NewsMessage.Metadata.class).createdAtUtc())
                .isEqualTo(expected);
    }
}
