package com.primejennie.scoutjob.scout.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.scoutjob.scout.analyst.AnalystOutcome;
import com.primejennie.scoutjob.scout.analyst.DecisionRules;
import com.primejennie.scoutjob.scout.analyst.ReconSignals;
import com.primejennie.scoutjob.scout.analyst.ScoutDecision;
import com.primejennie.scoutjob.scout.analyst.UnifiedAnalyst;
import com.primejennie.scoutjob.scout.budget.SectorBudgetPlanner;
import com.primejennie.scoutjob.scout.inputs.ScoutDataReader;
import com.primejennie.scoutjob.scout.inputs.ScoutDataReader.LastCloses;
import com.primejennie.scoutjob.scout.news.NewsContextClient;
import com.primejennie.scoutjob.scout.output.DecisionLog;
import com.primejennie.scoutjob.scout.output.HotWatchlistWriter;
import com.primejennie.scoutjob.scout.output.PipelineStatus;
import com.primejennie.scoutjob.scout.output.WatchlistTableWriter;
import com.primejennie.scoutjob.scout.quant.QuantInputs;
import com.primejennie.scoutjob.scout.quant.QuantResult;
import com.primejennie.scoutjob.scout.quant.QuantScorerV2;
import com.primejennie.scoutjob.scout.regime.MarketRegime;
import com.primejennie.scoutjob.scout.regime.RegimeDetector;
import com.primejennie.scoutjob.scout.universe.Candidate;
import com.primejennie.scoutjob.scout.universe.SectorMomentum;
import com.primejennie.scoutjob.scout.universe.UniverseBuilder;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.SectorBudget;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.kis.Quote;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.market.TradingSession;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.Position;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.persistence.TradeLogRepository;
import com.primejennie.shared.persistence.TradeType;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.trading.SectorGroups;

import tools.jackson.databind.JsonNode;

/**
 * One scout run (spec/control-and-intelligence.md §3.5-3.8 with spec/upstream-2026-02-18.md): universe, filters, KIS
 * snapshots, sector momentum and budget, market regime, quant v2, quant filter, smart skip, the unified analyst,
 * decisions, the final list and every output. The run guard, the lock and the job plumbing are the caller's
 * ({@link ScoutRunner}).
 */
public final class ScoutPipeline {

    public static final String REGIME_KEY = "market:regime:data";
    public static final String FEEDBACK_KEY = "analyst:feedback:summary";
    private static final Logger log = LoggerFactory.getLogger(ScoutPipeline.class);

    /** Everything the pipeline talks to. */
    public record Parts(StockMasterRepository master, ScoutDataReader reader, UniverseBuilder universe,
                        SectorGroups groups, KisClient kis, QuantScorerV2 quant, UnifiedAnalyst analyst,
                        NewsContextClient news, RuntimeSettings settings, StringRedisTemplate redis,
                        ActivePortfolioRepository portfolio, TradeLogRepository tradeLog, HotWatchlistWriter hotWatchlist,
                        WatchlistTableWriter watchlistTables, DecisionLog decisionLog, PipelineStatus status,
                        MarketClock clock, TradingCalendar calendar, Notifier notifier, ScoutProperties properties) {
    }

    private final Parts p;

    public ScoutPipeline(Parts parts) {
        this.p = parts;
    }

    /** The candidate with what the run learned about it. */
    private static final class Scouted {
        final Candidate candidate;
        LastCloses closes;
        Quote snapshot;
        QuantResult quant;

        Scouted(Candidate candidate) {
            this.candidate = candidate;
        }
    }

    public RunReport run(String runId) throws InterruptedException {
        RunReport report = new RunReport();
        long t0 = System.nanoTime();
        Instant started = p.clock().instant();
        ZonedDateTime kstNow = p.clock().now();
        LocalDate today = kstNow.toLocalDate();
        LocalDateTime nowUtc = p.clock().nowUtcNaive();
        report.note("run_id", runId);
        p.status().phase(1, "Hunter Scout", "running", 0, Map.of("current_stock", "", "total_candidates", 0,
                "passed_phase1", 0, "passed_phase2", 0, "final_selected", 0), WireTime.format(started));
        p.news().startRun();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(p.properties().prefetchWorkers(),
                p.properties().analystWorkers()));
        try {
            // ---- Phase 1: universe
            List<StockMasterEntry> master = p.master().findAll();
            Map<String, LastCloses> closes = p.reader().lastCloses(today.minusDays(21));
            Map<String, Candidate> universe = p.universe().build(master, closes, p.properties().universeSize(),
                    p.properties().volumeTopN(), p.properties().excluded());
            report.phase("universe", universe.size());

            // ---- Phase 1.5: DB price, KIS snapshot, junk filter
            List<Scouted> scouted = new ArrayList<>();
            universe.values().forEach(c -> scouted.add(new Scouted(c)));
            scouted.forEach(s -> s.closes = closes.get(s.candidate.code()));
            fetchSnapshots(scouted, pool, report);
            List<Scouted> kept = scouted.stream().filter(this::passesJunkFilter).toList();
            report.phase("after_filters", kept.size());
            p.status().phase(1, "Hunter Scout", "running", 30, Map.of("total_candidates", universe.size(),
                    "passed_phase1", kept.size()), WireTime.format(p.clock().instant()));

            // ---- sector momentum, budget
            boolean intraday = p.calendar().session(today).map(TradingSession::open)
                    .map(open -> !kstNow.isBefore(open)).orElse(false);
            Function<Candidate, Double> change = changeOf(kept, intraday, today);
            Set<String> knives = fallingKnifeSectors(kept, change);
            kept.stream().filter(s -> knives.contains(s.candidate.sector()))
                    .forEach(s -> s.candidate.reason("⚠️ 섹터 하락세 (Falling Knife, -10점)"));
            SectorBudget budget = null;
            if (p.settings().get(SettingKeys.DYNAMIC_SECTOR_BUDGET_ENABLED)) {
                budget = SectorBudgetPlanner.plan(SectorMomentum.groupReturns(
                        kept.stream().map(s -> s.candidate).toList(), change, knives), WireTime.format(started));
                p.redis().opsForValue().set(SectorBudget.KEY, WireJson.mapper().writeValueAsString(budget),
                        SectorBudget.TTL);
            }
            report.note("sector_momentum", intraday ? "intraday" : "last_two_closes");

            // ---- regime
            List<DailyPrice> kospi = p.reader().prices(p.properties().kospiCode(), 150);
            MarketRegime regime = regime(kospi, today, kstNow);
            report.note("market_regime", regime.name());

            List<ScoutDecision> decisions = new ArrayList<>();
            Map<String, ScoutDecision> finalByCode = new LinkedHashMap<>();
            boolean v5 = p.settings().get(SettingKeys.SCOUT_V5_ENABLED, Boolean.TRUE);
            if (!v5) {
                report.note("v5_enabled", false);
                log.warn("SCOUT_V5_ENABLED=false: the hybrid pipeline is off and the final list is empty (the v1 "
                        + "scorer is not built)");
            } else {
                decisions = hybrid(kept, kospi, regime, nowUtc, today, pool, report);
                for (ScoutDecision d : finalList(decisions, budget, nowUtc, master)) {
                    finalByCode.put(d.code(), d);
                }
            }
            report.phase("final", finalByCode.size());

            // ---- Phase 3: outputs
            List<ScoutDecision> ranked = new ArrayList<>(finalByCode.values());
            String nowIso = WireTime.format(p.clock().instant());
            p.watchlistTables().write(ranked, nowUtc, nowIso, today);
            HotWatchlist list = HotWatchlistWriter.toWatchlist(ranked, regime.name(), started);
            HotWatchlistWriter.Result written = p.hotWatchlist().write(list, started);
            report.note("watchlist", written.name());
            if (written == HotWatchlistWriter.Result.KEPT_PREVIOUS) {
                String version = p.hotWatchlist().currentVersion();
                log.warn("scout run {}: no stock approved; keeping the current hot watchlist {}", runId, version);
                p.notifier().send("⚠️ 스카우트: 승인된 종목이 없어 기존 핫 워치리스트(" + version + ")를 유지합니다.");
            }
            p.status().results(decisions, finalByCode.keySet());
            report.wallMs((System.nanoTime() - t0) / 1_000_000);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("current_stock", "");
            fields.put("total_candidates", universe.size());
            fields.put("passed_phase1", kept.size());
            fields.put("passed_phase2", report.candidates("quant_passed") == null ? 0 : report.candidates("quant_passed"));
            fields.put("final_selected", finalByCode.size());
            fields.put("watchlist_kept", written == HotWatchlistWriter.Result.KEPT_PREVIOUS);
            fields.putAll(report.statusFields());
            p.status().phase(3, "Final Judge", "completed", 100, fields, WireTime.format(p.clock().instant()));
            return report;
        } catch (RuntimeException e) {
            report.wallMs((System.nanoTime() - t0) / 1_000_000);
            Map<String, Object> fields = new LinkedHashMap<>(report.statusFields());
            fields.put("error", e.toString());
            p.status().phase(0, "Error", "error", 0, fields, WireTime.format(p.clock().instant()));
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ phase 1.5

    private void fetchSnapshots(List<Scouted> scouted, ExecutorService pool, RunReport report)
            throws InterruptedException {
        if (p.kis() == null) {
            report.note("kis", "not configured");
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (Scouted s : scouted) {
            futures.add(pool.submit(() -> {
                report.kisCalls.incrementAndGet();
                try {
                    s.snapshot = p.kis().currentPrice(s.candidate.code());
                } catch (RuntimeException e) {
                    report.kisFailures.incrementAndGet();
                    log.debug("snapshot of {} failed: {}", s.candidate.code(), e.toString());
                }
            }));
        }
        await(futures);
    }

    /** Spec §3.6 step 3: DB close below MIN_PRICE, or snapshot market cap below MIN_MARKET_CAP (million KRW); missing → dropped. */
    private boolean passesJunkFilter(Scouted s) {
        if (s.closes == null || s.closes.close() < p.properties().minPrice()) {
            return false;
        }
        if (s.snapshot == null || s.snapshot.price() <= 0) {
            return false;
        }
        double capMillion = (double) s.snapshot.price() * s.snapshot.listedShares() / 1_000_000d;
        return capMillion >= p.properties().minMarketCapMillion();
    }

    private Function<Candidate, Double> changeOf(List<Scouted> kept, boolean intraday, LocalDate today) {
        Map<String, Double> changes = new HashMap<>();
        for (Scouted s : kept) {
            double pct = s.closes.changePct();
            if (intraday && s.snapshot != null && s.snapshot.price() > 0 && s.closes.date().isBefore(today)) {
                pct = (s.snapshot.price() / s.closes.close() - 1) * 100;
            }
            changes.put(s.candidate.code(), pct);
        }
        return c -> changes.get(c.code());
    }

    private Set<String> fallingKnifeSectors(List<Scouted> kept, Function<Candidate, Double> change) {
        Map<String, List<Scouted>> bySector = new HashMap<>();
        kept.forEach(s -> bySector.computeIfAbsent(s.candidate.sector(), k -> new ArrayList<>()).add(s));
        List<Map.Entry<String, Double>> weak = bySector.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().mapToDouble(s -> change.apply(s.candidate))
                        .average().orElse(0)))
                .filter(e -> e.getValue() < -1).sorted(Map.Entry.comparingByValue()).limit(5).toList();
        Set<String> knives = new HashSet<>();
        for (Map.Entry<String, Double> sector : weak) {
            List<double[]> members = new ArrayList<>();
            for (Scouted s : bySector.get(sector.getKey()).stream().limit(3).toList()) {
                List<DailyPrice> rows = p.reader().prices(s.candidate.code(), 30);
                if (rows.size() >= 20) {
                    members.add(rows.stream().mapToDouble(DailyPrice::closePrice).toArray());
                }
            }
            if (!members.isEmpty() && SectorMomentum.fallingKnife(SectorMomentum.proxyIndex(members))) {
                knives.add(sector.getKey());
            }
        }
        return knives;
    }

    // ------------------------------------------------------------------ regime

    private MarketRegime regime(List<DailyPrice> kospi, LocalDate today, ZonedDateTime kstNow) {
        double[] closes = kospi.stream().mapToDouble(DailyPrice::closePrice).toArray();
        boolean live = !kospi.isEmpty() && kospi.get(kospi.size() - 1).priceDate().equals(today);
        MarketRegime previous = null;
        try {
            String json = p.redis().opsForValue().get(REGIME_KEY);
            if (json != null) {
                previous = MarketRegime.valueOf(WireJson.mapper().readTree(json).path("regime").asString("SIDEWAYS"));
            }
        } catch (RuntimeException e) {
            log.debug("previous regime unreadable: {}", e.toString());
        }
        MarketRegime detected = RegimeDetector.detect(closes.length > RegimeDetector.ROWS
                ? java.util.Arrays.copyOfRange(closes, closes.length - RegimeDetector.ROWS, closes.length) : closes);
        MarketRegime regime = RegimeDetector.guard(detected, live, previous);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("regime", regime.name());
        data.put("confidence", 0.8);
        data.put("updated_at", kstNow.toLocalDateTime().withNano(0).toString());
        data.put("description", "KOSPI Analysis Based on " + Math.min(closes.length, RegimeDetector.ROWS) + " days");
        p.redis().opsForValue().set(REGIME_KEY, WireJson.mapper().writeValueAsString(data));
        return regime;
    }

    // ------------------------------------------------------------------ phase 2

    private List<ScoutDecision> hybrid(List<Scouted> kept, List<DailyPrice> kospi, MarketRegime regime,
                                       LocalDateTime nowUtc, LocalDate today, ExecutorService pool, RunReport report)
            throws InterruptedException {
        String feedback = p.redis().opsForValue().get(FEEDBACK_KEY);
        int oversold = p.settings().get(SettingKeys.BUY_RSI_OVERSOLD_THRESHOLD);
        List<QuantResult> valid = new ArrayList<>();
        Map<String, Scouted> byCode = new HashMap<>();
        for (Scouted s : kept) {
            Candidate c = s.candidate;
            byCode.put(c.code(), s);
            Double per = s.snapshot == null || s.snapshot.per() == 0 ? null : s.snapshot.per();
            Double pbr = s.snapshot == null || s.snapshot.pbr() <= 0 ? null : s.snapshot.pbr();
            QuantInputs in = new QuantInputs(c.code(), c.name(), c.sector(), p.reader().prices(c.code(), 150), kospi,
                    per, pbr, p.reader().sentiment(c.code(), nowUtc).orElse(null),
                    p.reader().sentimentMomentum(c.code(), nowUtc).orElse(null), p.reader().flows(c.code(), 25),
                    p.reader().quarters(c.code(), 4), p.properties().rsiMultiplier(c.group()), oversold);
            s.quant = p.quant().score(in);
            if (s.quant.valid()) {
                valid.add(s.quant);
            }
        }
        report.phase("quant_valid", valid.size());
        valid.sort(Comparator.comparingDouble(QuantResult::total).reversed());
        int pass = valid.isEmpty() ? 0 : Math.max(1, (int) Math.floor(valid.size() * p.properties().quantPassRatio()));
        List<QuantResult> passed = valid.subList(0, pass);
        report.phase("quant_passed", passed.size());

        int quantMin = p.settings().get(SettingKeys.SMART_SKIP_QUANT_MIN);
        int rsiMax = p.settings().get(SettingKeys.SMART_SKIP_RSI_MAX);
        double sentimentMin = (p.settings().get(SettingKeys.SMART_SKIP_SENTIMENT_MIN) + 100) / 2.0;
        int cachedMin = p.settings().get(SettingKeys.SMART_SKIP_CACHED_HUNTER_MIN);
        List<QuantResult> toAnalyse = new ArrayList<>();
        Map<String, Competitor> competitors = new HashMap<>();
        for (QuantResult q : passed) {
            Competitor competitor = competitor(q.code());
            if (competitor != null) {
                competitors.put(q.code(), competitor);
            }
            if (competitor == null && SmartSkip.skip(q, quantMin, rsiMax, sentimentMin,
                    p.reader().cachedHunterScore(q.code(), today).orElse(null), cachedMin)) {
                continue;
            }
            toAnalyse.add(q);
        }
        report.phase("after_smart_skip", toAnalyse.size());

        DecisionRules rules = new DecisionRules(new ReconSignals(p.settings().get(SettingKeys.RECON_VOLUME_RATIO_MIN),
                p.settings().get(SettingKeys.RECON_MOMENTUM_MIN)), p.properties().llmFallback());
        List<Future<ScoutDecision>> futures = new ArrayList<>();
        for (QuantResult q : toAnalyse) {
            Scouted s = byCode.get(q.code());
            futures.add(pool.submit(() -> {
                if (s.snapshot == null) {
                    return rules.noSnapshot(q);
                }
                Competitor competitor = competitors.get(q.code());
                String news = p.news().context(q.code(), q.name()).orElse(null);
                report.llmCalls.incrementAndGet();
                AnalystOutcome outcome = p.analyst().analyse(q, news, List.copyOf(s.candidate.reasons()),
                        competitor == null ? null : competitor.note(), feedback);
                if (!outcome.succeeded()) {
                    report.llmFailures.incrementAndGet();
                }
                report.tokensIn.addAndGet(outcome.tokensIn());
                report.tokensOut.addAndGet(outcome.tokensOut());
                return rules.decide(q, outcome, competitor == null ? 0 : competitor.bonus());
            }));
        }
        List<ScoutDecision> decisions = new ArrayList<>();
        for (Future<ScoutDecision> f : futures) {
            try {
                decisions.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("analyst task failed: " + e.getCause(), e.getCause());
            }
        }
        for (ScoutDecision d : decisions) {
            p.decisionLog().record(d, regime.name(), byCode.get(d.code()).candidate.reasons(), nowUtc);
        }
        report.phase("approved", (int) decisions.stream().filter(ScoutDecision::approved).count());
        report.note("news_available", p.news().available());
        return decisions;
    }

    /** A competitor-benefit note from {@code competitor_benefit:{code}} ({"score": n, "reason": ".."}), if positive. */
    private record Competitor(double bonus, String reason) {
        String note() {
            return reason + " (+" + bonus + ")";
        }
    }

    private Competitor competitor(String code) {
        try {
            String json = p.redis().opsForValue().get("competitor_benefit:" + code);
            if (json == null) {
                return null;
            }
            JsonNode node = WireJson.mapper().readTree(json);
            double score = node.path("score").asDouble(0);
            return score > 0 ? new Competitor(score, node.path("reason").asString("")) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Spec §3.7 step 8: approved, minus held stocks and those sold in the last 24 h, best hybrid first, at most
     * {@code MAX_WATCHLIST_SIZE}; above it the sector budget selects (held stocks counted in their real sector).
     */
    private List<ScoutDecision> finalList(List<ScoutDecision> decisions, SectorBudget budget, LocalDateTime nowUtc,
                                          List<StockMasterEntry> master) {
        Set<String> held = new HashSet<>();
        List<Position> positions = p.portfolio().findAll();
        positions.forEach(pos -> held.add(pos.stockCode()));
        p.tradeLog().findSince(nowUtc.minusHours(24)).stream().filter(t -> t.tradeType() == TradeType.SELL)
                .forEach(t -> held.add(t.stockCode()));
        List<ScoutDecision> approved = decisions.stream().filter(ScoutDecision::approved)
                .filter(d -> !held.contains(d.code()))
                .sorted(Comparator.comparingDouble(ScoutDecision::hybridScore).reversed()).toList();
        int max = p.settings().get(SettingKeys.MAX_WATCHLIST_SIZE);
        if (approved.size() <= max) {
            return approved;
        }
        Map<String, String> sectorOf = new HashMap<>();
        master.forEach(e -> sectorOf.put(e.stockCode(), UniverseBuilder.sectorOf(e)));
        Map<String, Integer> heldByGroup = new HashMap<>();
        positions.forEach(pos -> heldByGroup.merge(p.groups().groupOf(sectorOf.get(pos.stockCode())), 1,
                Integer::sum));
        if (budget == null) {
            return approved.subList(0, max);
        }
        return SectorBudgetPlanner.select(approved, max, budget,
                d -> p.groups().groupOf(sectorOf.get(d.code())), heldByGroup);
    }

    private static void await(List<? extends Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
