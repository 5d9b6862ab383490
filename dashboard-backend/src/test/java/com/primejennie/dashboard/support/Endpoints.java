package com.primejennie.dashboard.support;

import java.util.List;

/** Every endpoint of the catalogue (method and a concrete path), for the security tests. */
public final class Endpoints {

    private Endpoints() {
    }

    public static final List<String> ALL = List.of(
            "GET /api/watchlist", "GET /api/trades", "GET /api/scout/status", "GET /api/scout/results",
            "GET /api/news/sentiment", "GET /api/briefing/latest", "GET /api/analyst/performance",
            "GET /api/council/daily-review", "GET /api/macro/dates", "GET /api/macro/insight",
            "GET /api/portfolio/summary", "GET /api/portfolio/positions", "POST /api/portfolio/order",
            "GET /api/portfolio/history", "GET /api/performance", "GET /api/performance/summary",
            "GET /api/llm/config", "GET /api/llm/stats", "GET /api/config", "GET /api/config/",
            "PUT /api/config/MAX_BUY_COUNT_PER_DAY", "GET /api/settings/factors", "GET /api/market/regime",
            "GET /api/logic/status/005930", "GET /api/scheduler/jobs", "GET /api/scheduler/jobs/scout-daily",
            "PUT /api/scheduler/jobs/scout-daily", "POST /api/scheduler/jobs/scout-daily/run",
            "POST /api/scheduler/jobs/scout-daily/pause", "POST /api/scheduler/jobs/scout-daily/resume",
            "GET /api/scheduler/health", "GET /api/airflow/dags", "POST /api/airflow/dags/scout-daily/trigger",
            "GET /api/logs/stream?service=buy-scanner", "GET /api/logs/services", "GET /api/system/status",
            "GET /api/system/docker", "GET /api/system/services", "GET /api/system/rabbitmq",
            "GET /api/system/streams", "GET /api/system/scheduler", "GET /api/system/logs/buy-scanner",
            "GET /api/system/realtime-monitor", "GET /api/system/halts", "GET /api/auth/me",
            "POST /api/auth/refresh", "GET /v3/api-docs", "GET /swagger-ui.html", "GET /actuator/prometheus",
            "GET /actuator/info", "GET /ws");
}
