package com.primejennie.scoutjob.scout.universe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.primejennie.scoutjob.scout.inputs.ScoutDataReader.LastCloses;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.trading.SectorGroups;

/**
 * Phase 1 (spec §3.5, changed by the issue): the candidate universe from the stock master and the rankings the data
 * jobs keep - no scraping. Sources, each adding a reason:
 * <ul>
 *   <li>market-cap leaders: the top {@code universeSize} non-ETF stocks of STOCK_MASTER by MARKET_CAP (kept fresh
 *       from KIS's market-cap ranking by the stock-master job), {@code 시총 상위};</li>
 *   <li>volume leaders: the top {@code volumeTopN} by last traded value (close × volume of the latest daily row,
 *       which the daily-prices job keeps for the ranking leaders), {@code 거래대금 상위};</li>
 *   <li>hot sectors: the 3 sectors with the best average change among the leaders (|change| &gt; 30 % ignored),
 *       up to 5 stocks each by market cap, {@code 핫 섹터 (sector, +x.x%)};</li>
 *   <li>the static blue chips 005930, 000660, 035420, 035720.</li>
 * </ul>
 * ETFs, codes without a STOCK_MASTER row (so the KOSPI index {@code 0001} too) and {@code EXCLUDED_STOCKS} are left
 * out. The Python RAG discovery and 6-month momentum sources are not built (see the README).
 */
public final class UniverseBuilder {

    public static final List<String> BLUE_CHIPS = List.of("005930", "000660", "035420", "035720");

    private final SectorGroups groups;

    public UniverseBuilder(SectorGroups groups) {
        this.groups = groups;
    }

    /** The sector spec §3.5 resolves: Naver's, else KOSPI 200's unless etc/미분류, else 기타. */
    public static String sectorOf(StockMasterEntry e) {
        if (e.sectorNaver() != null && !e.sectorNaver().isBlank()) {
            return e.sectorNaver().trim();
        }
        String k = e.sectorKospi200();
        if (k != null && !k.isBlank() && !k.trim().equalsIgnoreCase("etc") && !k.trim().equals("미분류")) {
            return k.trim();
        }
        return SectorGroups.OTHER;
    }

    public Map<String, Candidate> build(List<StockMasterEntry> master, Map<String, LastCloses> closes,
                                        int universeSize, int volumeTopN, Set<String> excluded) {
        List<StockMasterEntry> stocks = master.stream().filter(e -> !e.etf()).filter(e -> !excluded.contains(e.stockCode()))
                .toList();
        Map<String, StockMasterEntry> byCode = new HashMap<>();
        stocks.forEach(e -> byCode.put(e.stockCode(), e));
        Map<String, Candidate> out = new LinkedHashMap<>();

        List<StockMasterEntry> leaders = stocks.stream().filter(e -> e.marketCap() != null)
                .sorted(Comparator.comparing(StockMasterEntry::marketCap).reversed()).limit(universeSize).toList();
        leaders.forEach(e -> add(out, e).reason("시총 상위"));

        stocks.stream().filter(e -> closes.containsKey(e.stockCode()))
                .sorted(Comparator.comparingDouble((StockMasterEntry e) -> -traded(closes.get(e.stockCode()))))
                .limit(volumeTopN).forEach(e -> add(out, e).reason("거래대금 상위"));

        Map<String, List<Double>> changes = new HashMap<>();
        for (StockMasterEntry e : leaders) {
            LastCloses c = closes.get(e.stockCode());
            if (c != null && Math.abs(c.changePct()) <= 30) {
                changes.computeIfAbsent(sectorOf(e), k -> new ArrayList<>()).add(c.changePct());
            }
        }
        List<Map.Entry<String, Double>> hot = changes.entrySet().stream()
                .filter(en -> !en.getKey().equals(SectorGroups.OTHER))
                .map(en -> Map.entry(en.getKey(), en.getValue().stream().mapToDouble(d -> d).average().orElse(0)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3).toList();
        for (Map.Entry<String, Double> sector : hot) {
            String reason = String.format(Locale.ROOT, "핫 섹터 (%s, %+.1f%%)", sector.getKey(), sector.getValue());
            stocks.stream().filter(e -> sectorOf(e).equals(sector.getKey())).filter(e -> e.marketCap() != null)
                    .sorted(Comparator.comparing(StockMasterEntry::marketCap).reversed()).limit(5)
                    .forEach(e -> add(out, e).reason(reason));
        }
        for (String code : BLUE_CHIPS) {
            StockMasterEntry e = byCode.get(code);
            if (e != null) {
                add(out, e).reason("대표 우량주");
            }
        }
        return out;
    }

    private Candidate add(Map<String, Candidate> out, StockMasterEntry e) {
        return out.computeIfAbsent(e.stockCode(), c -> {
            String sector = sectorOf(e);
            return new Candidate(e.stockCode(), e.stockName(), sector, groups.groupOf(sector), e.marketCap());
        });
    }

    private static double traded(LastCloses c) {
        return c.close() * c.volume();
    }
}
