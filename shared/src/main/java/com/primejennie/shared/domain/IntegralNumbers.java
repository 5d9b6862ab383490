package com.primejennie.shared.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a whole number (quantity, rank, level) from JSON that may write it as {@code 10} or {@code 10.0}, as Python
 * does, but refuses {@code 10.9}: silently truncating a fractional quantity to 10 (what Jackson's
 * {@code ACCEPT_FLOAT_AS_INT} and Python's {@code int()} do) would change an order without a trace.
 */
final class IntegralNumbers {

    private IntegralNumbers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("wire-integral-numbers");
        module.addDeserializer(Integer.class, new IntegralDeserializer<>(Integer.class, BigInteger::intValueExact));
        module.addDeserializer(Integer.TYPE, new IntegralDeserializer<>(Integer.class, BigInteger::intValueExact));
        module.addDeserializer(Long.class, new IntegralDeserializer<>(Long.class, BigInteger::longValueExact));
        module.addDeserializer(Long.TYPE, new IntegralDeserializer<>(Long.class, BigInteger::longValueExact));
        return module;
    }

    private static final class IntegralDeserializer<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final java.util.function.Function<BigInteger, T> narrow;

        IntegralDeserializer(Class<T> type, java.util.function.Function<BigInteger, T> narrow) {
            this.type = type;
            this.narrow = narrow;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            BigDecimal value;
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                value = parser.getDecimalValue();
            } else if (token == JsonToken.VALUE_STRING) {
                String text = parser.getString().trim();
                if (text.isEmpty()) {
                    return null;
                }
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return context.reportInputMismatch(type, "'%s' is not a number", text);
                }
            } else {
                return context.reportInputMismatch(type, "expected a whole number, found %s", token);
            }
            try {
                return narrow.apply(value.stripTrailingZeros().toBigIntegerExact());
            } catch (ArithmeticException e) {
                return context.reportInputMismatch(type, "%s is not a whole %s number", value.toPlainString(),
                        type.getSimpleName());
            }
        }
    }
}
