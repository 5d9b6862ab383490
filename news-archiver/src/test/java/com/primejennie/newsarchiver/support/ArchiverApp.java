package com.primejennie.newsarchiver.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.primejennie.newsarchiver.NewsArchiverApplication;
import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.testing.RealServices;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real news-archiver application, started and stopped inside a test (for restart scenarios) against this JVM's
 * real Redis and MariaDB, a fake embeddings server and an index directory of the test's choosing. Settings are passed
 * as command-line arguments so they win over application.properties; stream timings are shortened.
 */
public final class ArchiverApp implements AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;

    private ArchiverApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ArchiverApp start(Path index, FakeEmbeddingServer embeddings, Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        var redis = RealServices.redis();
        var db = RealServices.database();
        p.put("spring.data.redis.url", redis.url());
        p.put("spring.datasource.url", db.jdbcUrl());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("jennie.dependency-watch.interval", "1s");
        p.put("server.port", "0");
        p.put("jennie.news.store.lucene-path", index.toString());
        p.put("jennie.llm.embedding.url", embeddings.url());
        p.put("jennie.llm.retry.initial-backoff", "10ms");
        p.put("jennie.news.sentiment.enabled", "false");
        p.put("jennie.messaging.streams.news-raw.block", "100ms");
        p.put("jennie.messaging.streams.news-raw.claim-idle", "1s");
        p.put("jennie.messaging.streams.news-raw.housekeeping-interval", "200ms");
        p.put("jennie.messaging.streams.news-raw.reconnect-base", "100ms");
        p.put("jennie.messaging.streams.news-raw.retry-backoff", "50ms");
        p.put("logging.level.com.primejennie", "INFO");
        p.putAll(extra);
        List<String> args = new ArrayList<>();
        p.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NewsArchiverApplication.class)
                .run(args.toArray(String[]::new));
        ArchiverApp app = new ArchiverApp(context);
        app.awaitSchema();
        return app;
    }

    private void awaitSchema() {
        try {
            if (!context.getBean(SchemaMigrator.class).awaitMigrated(Duration.ofSeconds(60))) {
                throw new IllegalStateException("schema not migrated within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** GET or POST on the app; returns status and parsed JSON body. */
    public Answer call(String method, String pathAndQuery) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isBlank() ? null
                    : MAPPER.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        }
    }

    public Answer get(String pathAndQuery) {
        return call("GET", pathAndQuery);
    }

    @Override
    public void close() {
        context.close();
    }

    /** An HTTP answer. */
    public record Answer(int status, JsonNode body) {
    }
}
