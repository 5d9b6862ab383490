package com.primejennie.dashboard.llm;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.scout.ScoutQuery;
import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.llm.RedisUsageStore;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/**
 * {@code /api/llm/config} (tier → provider and model, from the same env names the services read) and
 * {@code /api/llm/stats} (usage hashes {@code llm:stats:{KST date}:{service}}). The day is the Korea date, as the Java
 * writers use it (the Python reader used UTC and missed early-morning council usage) [DEFECT, fixed]. Decision
 * counts read {@code final_decision} and, failing that, {@code selected}/{@code is_tradable} of the scout results -
 * the Python count read a field scout never wrote and was always 0 [QUIRK, fixed].
 */
@Service
public class LlmQuery {

    private static final Logger log = LoggerFactory.getLogger(LlmQuery.class);
    static final List<String> STAT_KEYS = List.of("fast", "reasoning", "thinking", "news_analysis", "scout",
            "briefing", "macro_council");
    static final Map<String, String> ROLES = Map.of("fast", "News Analysis & Simple Checks",
            "reasoning", "Hunter Scout & Debate", "thinking", "Judge Decision & Briefing");
    static final Map<String, String> DEFAULT_PROVIDERS = Map.of("fast", "ollama", "reasoning", "openai",
            "thinking", "openai");

    private final Environment env;
    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final ScoutQuery scout;

    public LlmQuery(Environment env, StringRedisTemplate redis, MarketClock clock, ScoutQuery scout) {
        this.env = env;
        this.redis = redis;
        this.clock = clock;
        this.scout = scout;
    }

    public Map<String, Object> config() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String tier : List.of("fast", "reasoning", "thinking")) {
            String upper = tier.toUpperCase(Locale.ROOT);
            String provider = env.getProperty("TIER_" + upper + "_PROVIDER", DEFAULT_PROVIDERS.get(tier))
                    .toLowerCase(Locale.ROOT);
            out.put(tier, Shape.of("tier", upper, "role", ROLES.get(tier), "provider", provider,
                    "model_name", model(tier, provider), "is_local", provider.equals("ollama")));
        }
        return out;
    }

    private String model(String tier, String provider) {
        String upper = tier.toUpperCase(Locale.ROOT);
        return switch (provider) {
            case "ollama" -> {
                String m = env.getProperty("LOCAL_MODEL_" + upper, "gemma3:27b");
                yield switch (m) {
                    case "exaone3.5:7.8b", "exaone", "gpt-oss:20b" -> "EXAONE 4.0 32B";
                    default -> m;
                };
            }
            case "deepseek_cloud" -> "DeepSeek v3.2";
            case "openai" -> env.getProperty("TIER_" + upper + "_MODEL_NAME",
                    env.getProperty("OPENAI_MODEL_NAME", "gpt-5.2"));
            case "gemini" -> tier.equals("fast") ? env.getProperty("LLM_FLASH_MODEL_NAME", "gemini-2.5-flash")
                    : env.getProperty("LLM_MODEL_NAME", "gemini-3-pro-preview");
            case "claude" -> tier.equals("fast") ? env.getProperty("CLAUDE_FAST_MODEL", "claude-haiku-4-5")
                    : env.getProperty("CLAUDE_REASONING_MODEL", "claude-sonnet-4-5");
            default -> provider;
        };
    }

    public Map<String, Object> stats() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Seoul"));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            for (String service : STAT_KEYS) {
                Map<Object, Object> h = redis.opsForHash().entries(RedisUsageStore.key(today, service));
                long calls = number(h.get(RedisUsageStore.CALLS));
                long tokens = number(h.get(RedisUsageStore.TOKENS_IN)) + number(h.get(RedisUsageStore.TOKENS_OUT));
                out.put(service, Shape.of("calls", calls, "tokens", tokens));
            }
        } catch (RuntimeException e) {
            log.warn("LLM usage unreadable: {}", e.getMessage());
            STAT_KEYS.forEach(k -> out.put(k, Shape.of("calls", 0L, "tokens", 0L)));
        }
        int buy = 0;
        int reject = 0;
        try {
            for (JsonNode r : scout.rawResults()) {
                String d = r.path("final_decision").asString("");
                boolean selected = d.isEmpty() ? r.path("selected").asBoolean(r.path("is_tradable").asBoolean(false))
                        : d.equalsIgnoreCase("BUY");
                if (selected) {
                    buy++;
                } else {
                    reject++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("scout results unreadable: {}", e.getMessage());
        }
        out.put("decisions_today", Shape.of("buy", buy, "reject", reject));
        return out;
    }

    private static long number(Object value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
