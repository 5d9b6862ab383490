package com.primejennie.kissim.rest;

import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A KIS call's inputs, looked up case-insensitively: KIS accepts {@code fid_input_iscd} and {@code FID_INPUT_ISCD}
 * alike (the Postman collection writes lower case, the Python client upper). The Python mock read only one spelling
 * on some paths (§3.7) and silently fell back to random data; here both spellings work everywhere.
 */
public final class KisRequest {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String trId;

    private KisRequest(String trId) {
        this.trId = trId;
    }

    public static KisRequest query(HttpServletRequest http) {
        KisRequest r = new KisRequest(http.getHeader("tr_id"));
        http.getParameterMap().forEach((k, v) -> r.values.put(k, v.length == 0 ? "" : v[0]));
        return r;
    }

    public static KisRequest body(HttpServletRequest http, Map<String, Object> body) {
        KisRequest r = new KisRequest(http.getHeader("tr_id"));
        if (body != null) {
            body.forEach((k, v) -> r.values.put(k, v == null ? "" : String.valueOf(v)));
        }
        return r;
    }

    public String trId() {
        return trId;
    }

    public boolean paper() {
        return TrIds.paper(trId);
    }

    public String get(String name) {
        String v = values.get(name);
        return v == null ? "" : v.trim();
    }

    public String get(String name, String fallback) {
        String v = get(name);
        return v.isEmpty() ? fallback : v;
    }

    public long getLong(String name, long fallback) {
        String v = get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
