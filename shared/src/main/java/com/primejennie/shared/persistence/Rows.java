package com.primejennie.shared.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Null-safe column readers shared by the repositories; package-private on purpose. */
final class Rows {

    private Rows() {
    }

    /** A KRW price stored as DOUBLE/FLOAT/DECIMAL, rounded to the nearest won (Python wrote floats such as 71500.0). */
    static Long krw(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static long krwOrZero(ResultSet rs, String column) throws SQLException {
        Long value = krw(rs, column);
        return value == null ? 0L : value;
    }

    /** An amount or average stored as DOUBLE/FLOAT, as the shortest decimal that reads back as the same double. */
    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(value);
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static LocalDateTime timestamp(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** Upper-case labels of the result's columns, for tables whose optional columns differ between installs. */
    static Set<String> columns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
        }
        return names;
    }

    /** {@code text} cut to at most {@code maxChars} code points (VARCHAR limits count characters). */
    static String truncate(String text, int maxChars) {
        if (text == null || text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxChars));
    }

    static String requireCode(String stockCode) {
        if (stockCode == null || stockCode.isBlank() || stockCode.length() > 20) {
            throw new IllegalArgumentException("stock code must be 1-20 characters, was '" + stockCode + "'");
        }
        return stockCode;
    }
}
