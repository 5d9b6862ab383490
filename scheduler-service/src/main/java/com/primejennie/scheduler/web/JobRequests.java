package com.primejennie.scheduler.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.primejennie.scheduler.jobs.InvalidJobException;
import com.primejennie.scheduler.jobs.JobSpec;
import com.primejennie.scheduler.jobs.MissedFirePolicy;
import com.primejennie.shared.domain.WireJson;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Reads the request bodies of spec §2.5 ({@code JobCreate}, {@code JobUpdate}, run) field by field, so a wrong type
 * or an explicit null where a value is required is a 400 naming the field (Python: 422, or a 500 for a null cron).
 */
final class JobRequests {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JobRequests() {
    }

    /** A new job from a {@code JobCreate} body; Python defaults for what is absent. */
    static JobSpec create(JsonNode body) {
        requireObject(body);
        JobSpec defaults = JobSpec.of(requiredText(body, "job_id"), requiredText(body, "queue"),
                requiredText(body, "cron_expr"));
        return update(body).apply(defaults);
    }

    /** The change a {@code JobUpdate} body makes: only the fields present, null allowed only where Python's column is nullable. */
    static UnaryOperator<JobSpec> update(JsonNode body) {
        requireObject(body);
        return s -> new JobSpec(
                s.jobId(),
                body.has("reschedule_mode") ? requiredText(body, "reschedule_mode") : s.rescheduleMode(),
                body.has("interval_seconds") ? optionalInt(body, "interval_seconds") : s.intervalSeconds(),
                body.has("description") ? optionalText(body, "description") : s.description(),
                body.has("queue") ? requiredText(body, "queue") : s.queue(),
                body.has("cron_expr") ? requiredText(body, "cron_expr") : s.cronExpr(),
                body.has("enabled") ? requiredBool(body, "enabled") : s.enabled(),
                body.has("max_parallel") ? requiredInt(body, "max_parallel") : s.maxParallel(),
                body.has("default_params") ? params(body.get("default_params"), "default_params") : s.defaultParams(),
                body.has("timeout_sec") ? requiredInt(body, "timeout_sec") : s.timeoutSec(),
                body.has("retry_limit") ? requiredInt(body, "retry_limit") : s.retryLimit(),
                body.has("telemetry_label") ? optionalText(body, "telemetry_label") : s.telemetryLabel(),
                body.has("trading_days_only") ? requiredBool(body, "trading_days_only") : s.tradingDaysOnly(),
                body.has("missed_fire_policy") ? MissedFirePolicy.parse(requiredText(body, "missed_fire_policy"))
                        : s.missedFirePolicy());
    }

    /** A run request: {@code {"params"?, "delay_seconds"? ≥ 0, "trigger_source"? ≤ 50}}. */
    record RunRequest(Map<String, Object> params, Duration delay, String triggerSource) {
    }

    static RunRequest run(JsonNode body, String defaultTrigger) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new RunRequest(Map.of(), Duration.ZERO, defaultTrigger);
        }
        requireObject(body);
        Map<String, Object> params = body.has("params") ? params(body.get("params"), "params") : Map.of();
        Integer delay = body.has("delay_seconds") ? optionalInt(body, "delay_seconds") : null;
        if (delay != null && delay < 0) {
            throw new InvalidJobException("delay_seconds는 0 이상이어야 합니다 (받은 값: " + delay + ")");
        }
        String trigger = body.has("trigger_source") ? optionalText(body, "trigger_source") : null;
        if (trigger != null && trigger.length() > 50) {
            throw new InvalidJobException("trigger_source는 50자 이하여야 합니다");
        }
        return new RunRequest(params, Duration.ofSeconds(delay == null ? 0 : delay),
                trigger == null || trigger.isBlank() ? defaultTrigger : trigger);
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidJobException("요청 본문은 JSON 객체여야 합니다");
        }
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidJobException(field + "은(는) 필수입니다");
        }
        if (!v.isString()) {
            throw new InvalidJobException(field + "은(는) 문자열이어야 합니다 (받은 값: " + v + ")");
        }
        return v.asString();
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : requiredText(body, field);
    }

    private static int requiredInt(JsonNode body, String field) {
        Integer v = optionalInt(body, field);
        if (v == null) {
            throw new InvalidJobException(field + "은(는) null일 수 없습니다");
        }
        return v;
    }

    private static Integer optionalInt(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        if (v.isString() && v.asString().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(v.asString().strip());
        }
        throw new InvalidJobException(field + "은(는) 정수여야 합니다 (받은 값: " + v + ")");
    }

    private static boolean requiredBool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isBoolean()) {
            throw new InvalidJobException(field + "은(는) true 또는 false여야 합니다 (받은 값: " + v + ")");
        }
        return v.asBoolean();
    }

    private static Map<String, Object> params(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidJobException(field + "은(는) JSON 객체여야 합니다 (받은 값: " + node + ")");
        }
        return new LinkedHashMap<>(WireJson.mapper().convertValue(node, MAP));
    }
}
