package com.primejennie.commandhandler.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

/**
 * A price alert as the Python bot stored it and price-monitor reads it: {@code price_alert:{code}} →
 * {@code {"stock_code","stock_name","target_price":int,"alert_type":"above"|"below","created_at":ISO-UTC,
 * "triggered":false}}, 7 days TTL, one per stock.
 */
public record PriceAlert(String stockCode, String stockName, long targetPrice, String alertType, String createdAt,
                         boolean triggered) {

    public static final String PREFIX = "price_alert:";

    public static String key(String code) {
        return PREFIX + code;
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stock_code", stockCode);
        m.put("stock_name", stockName);
        m.put("target_price", targetPrice);
        m.put("alert_type", alertType);
        m.put("created_at", createdAt);
        m.put("triggered", triggered);
        return WireJson.mapper().writeValueAsString(m);
    }

    public static PriceAlert parse(String json) {
        JsonNode n = WireJson.mapper().readTree(json);
        return new PriceAlert(n.path("stock_code").asString(""), n.path("stock_name").asString(""),
                n.path("target_price").asLong(0), n.path("alert_type").asString("above"),
                n.path("created_at").asString(""), n.path("triggered").asBoolean(false));
    }
}
