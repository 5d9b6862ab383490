package com.primejennie.shared.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot watchlist scout-job publishes: {@code hot_watchlist:active} names the current version key
 * {@code hot_watchlist:v{ts}}, whose JSON {@code stocks[]} carry {@code code} and {@code rank} (missing rank = 99, as
 * buy-scanner reads it). Codes come back by rank, ties in list order. No active key = an empty list.
 */
public final class HotWatchlistCodeSource implements CodeSource {

    /** The pointer key scout-job writes. */
    public static final String ACTIVE_KEY = "hot_watchlist:active";

    private final StringRedisTemplate redis;
    private final JsonMapper json = JsonMapper.shared();

    public HotWatchlistCodeSource(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public List<String> codes() {
        String versionKey = redis.opsForValue().get(ACTIVE_KEY);
        if (versionKey == null || versionKey.isBlank()) {
            return List.of();
        }
        String body = redis.opsForValue().get(versionKey.trim());
        if (body == null) {
            return List.of();
        }
        JsonNode stocks;
        try {
            stocks = json.readTree(body).path("stocks");
        } catch (JacksonException e) {
            throw new IllegalStateException("hot watchlist " + versionKey + " is not JSON: " + e.getOriginalMessage(), e);
        }
        record Ranked(String code, double rank, int position) {
        }
        List<Ranked> ranked = new ArrayList<>();
        int i = 0;
        for (JsonNode stock : stocks) {
            String code = stock.path("code").asString("").trim();
            if (!code.isEmpty()) {
                ranked.add(new Ranked(code, rankOf(stock.path("rank")), i++));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::rank).thenComparingInt(Ranked::position));
        return ranked.stream().map(Ranked::code).toList();
    }

    private static double rankOf(JsonNode rank) {
        if (rank.isNumber()) {
            return rank.asDouble();
        }
        try {
            return Double.parseDouble(rank.asString("99").trim());
        } catch (NumberFormatException e) {
            return 99;
        }
    }
}
