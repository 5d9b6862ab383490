package com.primejennie.shared.settings;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * The four value types of the Python registry ({@code int}, {@code float}, {@code bool}, {@code str}) with their
 * text conversions. Values are stored as strings in {@code CONFIG} and in the environment.
 *
 * @param <T> the Java type
 */
public abstract sealed class SettingType<T> permits SettingType.IntType, SettingType.FloatType,
        SettingType.BoolType, SettingType.StrType {

    public static final SettingType<Integer> INT = new IntType();
    public static final SettingType<Double> FLOAT = new FloatType();
    public static final SettingType<Boolean> BOOL = new BoolType();
    public static final SettingType<String> STR = new StrType();

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    private final String pythonName;

    private SettingType(String pythonName) {
        this.pythonName = pythonName;
    }

    /** {@code int}, {@code float}, {@code bool} or {@code str}, as the dashboard reports it. */
    public String pythonName() {
        return pythonName;
    }

    /**
     * Converts {@code raw} (as stored) to the Java value.
     *
     * @throws InvalidSettingException naming key, value and source when it does not parse
     */
    public abstract T parse(String key, String raw, String source);

    /** The text form stored in {@code CONFIG}. */
    public String format(T value) {
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return pythonName;
    }

    static final class IntType extends SettingType<Integer> {
        IntType() {
            super("int");
        }

        @Override
        public Integer parse(String key, String raw, String source) {
            String text = raw.trim();
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                try {
                    // "5.0" is an integer written by a float-minded editor; "5.5" is not.
                    return new BigDecimal(text).intValueExact();
                } catch (NumberFormatException | ArithmeticException inner) {
                    throw new InvalidSettingException(key, raw, source, "an int");
                }
            }
        }
    }

    static final class FloatType extends SettingType<Double> {
        FloatType() {
            super("float");
        }

        @Override
        public Double parse(String key, String raw, String source) {
            try {
                double value = Double.parseDouble(raw.trim());
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, raw, source, "a finite float");
            }
        }
    }

    static final class BoolType extends SettingType<Boolean> {
        BoolType() {
            super("bool");
        }

        @Override
        public Boolean parse(String key, String raw, String source) {
            String text = raw.trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(text)) {
                return true;
            }
            if (FALSE.contains(text)) {
                return false;
            }
            throw new InvalidSettingException(key, raw, source, "a bool (true/1/yes/on or false/0/no/off)");
        }
    }

    static final class StrType extends SettingType<String> {
        StrType() {
            super("str");
        }

        @Override
        public String parse(String key, String raw, String source) {
            return raw;
        }
    }
}
