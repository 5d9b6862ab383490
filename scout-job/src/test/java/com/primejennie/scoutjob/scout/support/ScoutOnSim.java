package com.primejennie.scoutjob.scout.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.scoutjob.ScoutJobApplication;
import com.primejennie.scoutjob.data.DataJobsConfiguration;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.jobs.JobRunner;
import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.testing.RealServices;

/**
 * scout-job and kis-sim started in the test JVM against the harness's real Redis and MariaDB, with a
 * {@link FakeAnalystServer} as the LLM. The tables scout scores from are filled by the real data jobs (issue 18) as
 * the app wires them ({@code dataJobRunner}, {@link DataJobsConfiguration.DataPieces#create}) against this kis-sim:
 * stock master and ranking leaders, daily prices, the KOSPI/KOSDAQ index series, investor flows and financials;
 * only the news sentiment table, which news-archiver writes, is seeded ({@link SentimentSeed}). The app runs in mock
 * mode (kis-sim as the paper server, at the paper rate budget) with its market clock fixed at
 * Wednesday 2026-03-04 10:30 KST; news-archiver is absent (a closed port).
 */
public final class ScoutOnSim implements AutoCloseable {

    public static final String SIM_START = "2026-03-04T10:30:00+09:00";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final ConfigurableApplicationContext sim;
    public final ConfigurableApplicationContext app;
    public final StringRedisTemplate redis;
    public final JdbcClient jdbc;
    public final MarketClock clock;

    private ScoutOnSim(ConfigurableApplicationContext sim, ConfigurableApplicationContext app) {
        this.sim = sim;
        this.app = app;
        this.redis = app.getBean(StringRedisTemplate.class);
        this.jdbc = JdbcClient.create(app.getBean(DataSource.class));
        this.clock = app.getBean(MarketClock.class);
    }

    public static ScoutOnSim start(FakeAnalystServer llm, Map<String, String> extra) throws Exception {
        RealServices.flushRedis();
        var r = RealServices.redis();
        var db = RealServices.database();
        List<String> stores = List.of("--spring.data.redis.url=" + r.url(), "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password());
        int simPort = freePort();
        List<String> simArgs = new ArrayList<>(List.of("--spring.profiles.active=mock", "--server.port=" + simPort,
                "--spring.application.name=kis-sim"));
        simArgs.addAll(stores);
        ConfigurableApplicationContext sim = new SpringApplicationBuilder(
                Class.forName("com.primejennie.kissim.KisSimApplication")).run(simArgs.toArray(String[]::new));
        post(simPort, "/admin/reset", "{\"clock\":\"2026-03-04T10:00:00+09:00\",\"paused\":false,\"seed\":42}");

        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("spring.profiles.active", "mock");
        p.put("spring.application.name", "scout-job");
        p.put("server.port", "0");
        p.put("KIS_SIM_URL", "http://127.0.0.1:" + simPort);
        p.put("jennie.llm.vllm-url", llm.url());
        p.put("jennie.llm.retry.max-attempts", "1");
        p.put("jennie.llm.retry.initial-backoff", "10ms");
        p.put("jennie.clock.start", SIM_START);
        p.put("jennie.clock.anchor", Instant.now().toString());
        p.put("jennie.scout.news-url", "http://127.0.0.1:" + freePort());
        p.put("jennie.dependency-watch.interval", "1s");
        // kis-sim answers 20 calls a second; the paper server's default budget of 2/s made the data jobs' back-fill
        // (~500 calls) take most of this test's six minutes
        p.put("jennie.kis.paper.requests-per-second", "18");
        p.putAll(extra);
        List<String> args = new ArrayList<>(stores);
        p.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ScoutJobApplication.class)
                .run(args.toArray(String[]::new));
        if (!app.getBean(SchemaMigrator.class).awaitMigrated(Duration.ofSeconds(120))) {
            throw new IllegalStateException("schema not migrated within 120 s");
        }
        ScoutOnSim s = new ScoutOnSim(sim, app);
        s.fillWithDataJobs();
        return s;
    }

    /** The data jobs the scout scores from, run in order as the scheduler queues them; each must succeed. */
    static final List<String> DATA_JOBS = List.of(JobIds.DATA_STOCK_MASTER, JobIds.DATA_DAILY_PRICES,
            JobIds.DATA_INDEX_PRICES, JobIds.DATA_INVESTOR_FLOWS, JobIds.DATA_FINANCIALS);

    private void fillWithDataJobs() {
        for (String table : List.of("STOCK_MASTER", "STOCK_DAILY_PRICES_3Y", "STOCK_INVESTOR_TRADING",
                "FINANCIAL_METRICS_QUARTERLY", "STOCK_NEWS_SENTIMENT_MOCK", "WATCHLIST", "WATCHLIST_HISTORY",
                "LLM_DECISION_LEDGER", "SHADOW_RADAR_LOG", "ACTIVE_PORTFOLIO_MOCK", "TRADELOG_MOCK")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        JobRunner runner = app.getBean("dataJobRunner", JobRunner.class);
        for (String jobId : DATA_JOBS) {
            JobMessage message = new JobMessage(jobId, "mock", jobId + "-" + UUID.randomUUID(), "test", Map.of(), 1800,
                    0, null, WireTime.format(clock.instant()), false);
            for (JobResult result : runner.run(message, null)) {
                if (result.status() != JobResult.Status.SUCCEEDED) {
                    throw new IllegalStateException("data job " + jobId + " did not succeed: " + result);
                }
            }
        }
        SentimentSeed.seed(jdbc, clock.nowUtcNaive());
    }

    public int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** XADDs a scout job message as the scheduler does; returns its run id. */
    public String publish(String trigger) {
        return publish(trigger, WireTime.format(clock.instant()));
    }

    public String publish(String trigger, String queuedAt) {
        String runId = UUID.randomUUID().toString();
        JobMessage message = new JobMessage(JobIds.SCOUT, "real", runId, trigger, Map.of(), 3600, 0, null, queuedAt,
                false);
        Map<String, String> fields = new HashMap<>();
        fields.put("payload", WireJson.mapper().writeValueAsString(message));
        redis.opsForStream().add(StreamRecords.newRecord().in(JobIds.SCOUT_STREAM).ofMap(fields));
        return runId;
    }

    /** The result of {@code runId} on {@code stream:jobs:results}. */
    public JobResult awaitResult(String runId, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(JobIds.RESULTS_STREAM,
                    Range.unbounded());
            for (MapRecord<String, Object, Object> record : records) {
                JobResult result = WireJson.mapper().readValue(String.valueOf(record.getValue().get("payload")),
                        JobResult.class);
                if (runId.equals(result.runId())) {
                    return result;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no job result for run " + runId + " within " + wait);
    }

    public static void post(int port, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(180)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        app.close();
        sim.close();
    }
}
