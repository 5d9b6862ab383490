package com.primejennie.shared.domain;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The value of the trading switches {@code trading:pause}, {@code trading:stop} and {@code trading:dryrun}
 * (spec/control-and-intelligence.md §1.4): {@code {"value":bool,"reason":str,"set_at":ISO-UTC}}. Written and read
 * through {@code com.primejennie.shared.trading.TradingFlags}: without a TTL unless the operator gives a duration
 * (the Python bot's 24 h, {@link #PYTHON_TTL}, is still read as it is). A missing key reads as {@link #ABSENT}
 * ({@code value:false, reason:"", set_at:null}).
 *
 * <p>[QUIRK fixed] The Python {@code deploy_safety.py} writes a plain {@code true} into {@code trading:pause}, which the
 * Python readers cannot parse and so treat as "not paused" (fail-open). {@link #parse} reads a bare JSON boolean as the
 * flag's value, so such a pause really pauses.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TradingFlag(boolean value, String reason, @JsonProperty("set_at") String setAt) {

    public static final String PAUSE_KEY = "trading:pause";
    public static final String STOP_KEY = "trading:stop";
    public static final String DRY_RUN_KEY = "trading:dryrun";
    /**
     * The TTL the Python command-handler gave every flag, after which {@code /pause}, {@code /stop} and {@code /dryrun}
     * silently reverted and trading resumed [DEFECT]. Kept to document and test reading such flags only: this suite
     * writes flags without a TTL unless the operator gives a duration ({@code com.primejennie.shared.trading.TradingFlags}).
     */
    public static final Duration PYTHON_TTL = Duration.ofHours(24);

    /** What a missing key means. */
    public static final TradingFlag ABSENT = new TradingFlag(false, "", null);

    public TradingFlag {
        reason = reason == null ? "" : reason;
    }

    /** Whether the flag was explicitly set (the key existed with a {@code set_at}), e.g. to let it override env. */
    @JsonIgnore
    public boolean isSet() {
        return setAt != null;
    }

    /**
     * Reads a stored value; {@code null} (no key) is {@link #ABSENT}. A bare JSON boolean is the flag's value.
     * Anything else that is not the flag object fails, naming the value, so the caller decides how to fail safe.
     */
    public static TradingFlag parse(String stored) {
        if (stored == null) {
            return ABSENT;
        }
        try {
            JsonNode node = WireJson.mapper().readTree(stored);
            if (node.isBoolean()) {
                return new TradingFlag(node.booleanValue(), "", null);
            }
            if (node.isObject() && node.has("value")) {
                return WireJson.mapper().treeToValue(node, TradingFlag.class);
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a trading flag: '" + stored + "'", e);
        }
        throw new IllegalArgumentException("not a trading flag: '" + stored + "'");
    }

    /** The JSON to store. */
    @JsonIgnore
    public String toJson() {
        return WireJson.mapper().writeValueAsString(this);
    }

    /** A flag set now. */
    public static TradingFlag set(boolean value, String reason, String setAt) {
        return new TradingFlag(value, reason, Objects.requireNonNull(setAt, "setAt"));
    }
}
