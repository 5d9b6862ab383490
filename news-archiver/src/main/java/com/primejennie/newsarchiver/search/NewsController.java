package com.primejennie.newsarchiver.search;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.primejennie.newsarchiver.ingest.DocumentRegistry;
import com.primejennie.newsarchiver.reindex.ReindexService;
import com.primejennie.newsarchiver.store.SearchFilter;
import com.primejennie.newsarchiver.store.SearchHit;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.shared.llm.LlmException;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/**
 * The news API: {@code GET /api/news/search} (scout-job and the dashboard), {@code GET /api/news/stats} and
 * {@code POST /api/news/reindex}. Bad parameters are a 400 naming what was wrong; an unreachable embedding server or
 * store a 503.
 */
@RestController
@RequestMapping("/api/news")
public class NewsController {

    private final NewsSearchService search;
    private final DocumentRegistry registry;
    private final VectorStore store;
    private final ReindexService reindex;
    private final MarketClock clock;

    public NewsController(NewsSearchService search, DocumentRegistry registry, VectorStore store,
                          ReindexService reindex, MarketClock clock) {
        this.search = search;
        this.registry = registry;
        this.store = store;
        this.reindex = reindex;
        this.clock = clock;
    }

    /** One result: the chunk's payload as stored and its cosine similarity. */
    public record Result(@JsonProperty("page_content") String pageContent, JsonNode metadata, double score) {
    }

    /** The answer of a search, with the filter as understood ({@code since} in epoch seconds). */
    public record SearchAnswer(String query, String code, Long since, int k, String store, List<Result> results) {
    }

    @GetMapping("/search")
    public SearchAnswer search(@RequestParam("q") String q, @RequestParam(name = "code", required = false) String code,
                               @RequestParam(name = "since", required = false) String since,
                               @RequestParam(name = "k", required = false) Integer k) {
        Long from = SinceParser.parse(since, clock.instant());
        if (code != null && !code.isBlank() && !code.strip().matches("[0-9A-Za-z]{6}")) {
            throw new IllegalArgumentException("code must be a 6-character stock code, was '" + code + "'");
        }
        SearchFilter filter = new SearchFilter(code, from, null);
        List<SearchHit> hits = search.search(q, filter, k);
        List<Result> results = hits.stream()
                .map(h -> new Result(h.chunk().pageContent(), h.chunk().metadata(), h.score())).toList();
        return new SearchAnswer(q, filter.stockCode(), from, results.size(), store.kind(), results);
    }

    @GetMapping("/stats")
    public Map<String, Object> stats() {
        DocumentRegistry.Totals totals = registry.totals();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("store", store.kind());
        answer.put("documents", totals.documents());
        answer.put("chunks", totals.chunks());
        answer.put("store_chunks", store.count());
        answer.put("last_ingest_at", totals.lastArchivedAt() == null ? null
                : totals.lastArchivedAt().atOffset(ZoneOffset.UTC).toString());
        answer.put("per_source", totals.perSource().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", s.source());
            m.put("documents", s.documents());
            m.put("chunks", s.chunks());
            m.put("last_ingest_at", s.lastArchivedAt() == null ? null
                    : s.lastArchivedAt().atOffset(ZoneOffset.UTC).toString());
            return m;
        }).toList());
        Map<String, Long> sentiment = new LinkedHashMap<>();
        totals.sentiment().forEach(c -> sentiment.put(c.status(), c.count()));
        answer.put("sentiment", sentiment);
        answer.put("reindex", reindex.status());
        return answer;
    }

    @PostMapping("/reindex")
    public ResponseEntity<ReindexService.Status> reindex() {
        boolean started = reindex.start();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(reindex.status());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({LlmException.class, RuntimeException.class})
    ResponseEntity<Map<String, String>> unavailable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.toString()));
    }
}
