package com.primejennie.scoutjob.scout.news;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

/**
 * News context for a candidate from news-archiver's search API ({@code GET /api/news/search?q=&code=&since=7d&k=3},
 * answer {@code {"results":[{"page_content":..,"metadata":..,"score":..}]}}), as the Python scout built it from the
 * vector store (spec §3.10): three queries per stock, deduplicated by the first 80 characters, up to 5 items
 * {@code [뉴스i] <first 150 chars>} joined by {@code " | "}; {@code 최근 관련 뉴스 없음} when nothing was found.
 * Empty when news-archiver cannot be reached: the prompt then says no news was available. After the first
 * unreachable call the client stops asking for the rest of the run ({@link #startRun()} resets it), so a down
 * archiver costs one timeout, not three per candidate.
 */
public final class NewsContextClient {

    public static final String NONE_FOUND = "최근 관련 뉴스 없음";
    private static final Logger log = LoggerFactory.getLogger(NewsContextClient.class);

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicBoolean down = new AtomicBoolean();

    public NewsContextClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl == null || baseUrl.isBlank() || baseUrl.equalsIgnoreCase("none") ? ""
                : baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Forgets that the archiver was down in the previous run. */
    public void startRun() {
        down.set(baseUrl.isBlank());
    }

    /** Whether the archiver answered so far in this run. */
    public boolean available() {
        return !down.get();
    }

    /** The news text for the prompt, or empty when news-archiver is not available. */
    public Optional<String> context(String code, String name) {
        if (down.get()) {
            return Optional.empty();
        }
        List<String> queries = List.of(name + " 실적 매출 영업이익", name + " 신규 수주 계약 사업", name + " 리스크 하락 우려 손실");
        Set<String> seen = new LinkedHashSet<>();
        List<String> items = new ArrayList<>();
        for (String q : queries) {
            JsonNode answer = search(q, code);
            if (answer == null) {
                return Optional.empty();
            }
            for (JsonNode r : answer.path("results")) {
                String content = r.path("page_content").asString("").strip();
                if (content.isEmpty() || !seen.add(content.substring(0, Math.min(80, content.length())))) {
                    continue;
                }
                items.add(content);
            }
        }
        if (items.isEmpty()) {
            return Optional.of(NONE_FOUND);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(5, items.size()); i++) {
            if (i > 0) {
                out.append(" | ");
            }
            String c = items.get(i);
            out.append("[뉴스").append(i + 1).append("] ").append(c, 0, Math.min(150, c.length()));
        }
        return Optional.of(out.toString());
    }

    private JsonNode search(String q, String code) {
        String url = baseUrl + "/api/news/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&code=" + code
                + "&since=7d&k=3";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                markDown("HTTP " + response.statusCode());
                return null;
            }
            return WireJson.mapper().readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            markDown("interrupted");
            return null;
        } catch (Exception e) {
            markDown(e.toString());
            return null;
        }
    }

    private void markDown(String why) {
        if (down.compareAndSet(false, true)) {
            log.warn("news-archiver search at {} not available ({}); analyst prompts say no news was available for "
                    + "the rest of this run", baseUrl, why);
        }
    }
}
