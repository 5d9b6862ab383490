package com.primejennie.scoutjob.scout.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.persistence.StockMasterRepository;

/**
 * <b>Stand-in for the data jobs (issue 18)</b> until they merge: fills the tables scout scores from with realistic
 * rows for kis-sim's universe ({@code kis-sim/universe.csv}), through the shared repositories and plain SQL, so the
 * scout integration test can later call the real jobs against kis-sim instead. Rows: STOCK_MASTER (market cap =
 * base price × listed shares, Naver-style sectors), 150 KRX sessions of STOCK_DAILY_PRICES_3Y per code before
 * {@code today} (a seeded random walk ending near the base price), the KOSPI series as code {@code 0001},
 * STOCK_INVESTOR_TRADING (25 days), FINANCIAL_METRICS_QUARTERLY (4 quarters for every other code) and a few
 * STOCK_NEWS_SENTIMENT_MOCK scores. Deterministic (seed 19).
 */
public final class DataJobsStandIn {

    private static final Map<String, String> NAVER_SECTOR = Map.ofEntries(
            Map.entry("반도체", "반도체와반도체장비"), Map.entry("제약/바이오", "제약"), Map.entry("금융", "은행"),
            Map.entry("게임", "게임엔터테인먼트"), Map.entry("통신", "무선통신서비스"), Map.entry("인터넷", "양방향미디어와서비스"),
            Map.entry("엔터테인먼트", "방송과엔터테인먼트"), Map.entry("전기전자", "전자제품"));

    /** One stock of kis-sim's universe. */
    public record SimStock(String code, String name, String sector, long basePrice, long listedShares, long eps,
                           long bps) {
    }

    private final JdbcClient jdbc;
    private final StockMasterRepository master;
    private final DailyPriceRepository prices;
    private final KrxCalendar calendar = KrxCalendar.bundled(KrxSessionRules.defaults());

    public DataJobsStandIn(JdbcClient jdbc, StockMasterRepository master, DailyPriceRepository prices) {
        this.jdbc = jdbc;
        this.master = master;
        this.prices = prices;
    }

    public static List<SimStock> simUniverse() {
        List<SimStock> out = new ArrayList<>();
        try (InputStream in = DataJobsStandIn.class.getClassLoader().getResourceAsStream("kis-sim/universe.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                out.add(new SimStock(f[0].trim(), f[1].trim(), f[3].trim(), Long.parseLong(f[4].trim()),
                        Long.parseLong(f[5].trim()), Long.parseLong(f[6].trim()), Long.parseLong(f[7].trim())));
            }
        } catch (Exception e) {
            throw new IllegalStateException("kis-sim/universe.csv not on the test classpath", e);
        }
        return out;
    }

    /** Clears and fills every table for sessions before {@code today} (KST). */
    public List<SimStock> load(LocalDate today, LocalDateTime nowUtc) {
        for (String table : List.of("STOCK_MASTER", "STOCK_DAILY_PRICES_3Y", "STOCK_INVESTOR_TRADING",
                "FINANCIAL_METRICS_QUARTERLY", "STOCK_NEWS_SENTIMENT_MOCK", "WATCHLIST", "WATCHLIST_HISTORY",
                "LLM_DECISION_LEDGER", "SHADOW_RADAR_LOG", "ACTIVE_PORTFOLIO_MOCK", "TRADELOG_MOCK")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        List<LocalDate> sessions = sessionsBefore(today, 150);
        Random random = new Random(19);
        List<SimStock> universe = simUniverse();
        for (SimStock s : universe) {
            master.upsert(new StockMasterEntry(s.code(), s.name(), s.basePrice() * s.listedShares(), s.sector(),
                    NAVER_SECTOR.getOrDefault(s.sector(), s.sector()), null, false));
            prices.upsert(walk(s.code(), sessions, s.basePrice(), Math.max(10_000, s.listedShares() / 2000), random));
        }
        prices.upsert(walk("0001", sessions, 2650, 500_000, new Random(1)));
        for (int i = 0; i < universe.size(); i++) {
            SimStock s = universe.get(i);
            List<LocalDate> days = sessions.subList(sessions.size() - 25, sessions.size());
            double ratio = 20 + random.nextDouble() * 20;
            for (LocalDate d : days) {
                long volume = Math.max(10_000, s.listedShares() / 2000);
                double bias = (i % 3 == 0) ? 0.04 : (i % 3 == 1 ? -0.02 : 0.0);
                ratio += (random.nextDouble() - 0.45) * 0.1;
                jdbc.sql("INSERT INTO STOCK_INVESTOR_TRADING (STOCK_CODE, TRADE_DATE, FOREIGN_NET_BUY, "
                                + "INSTITUTION_NET_BUY, INDIVIDUAL_NET_BUY, FOREIGN_HOLDING_RATIO) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(s.code(), d, Math.round(volume * (bias + (random.nextDouble() - 0.5) * 0.02)),
                                Math.round(volume * (bias / 2 + (random.nextDouble() - 0.5) * 0.02)),
                                Math.round(-volume * bias * 1.5), Math.round(ratio * 100) / 100.0)
                        .update();
            }
            if (i % 2 == 0) {
                LocalDate q = LocalDate.of(today.getYear() - 1, 3, 31);
                for (int k = 0; k < 4; k++) {
                    double eps = s.eps() * (0.85 + 0.07 * k);
                    jdbc.sql("INSERT INTO FINANCIAL_METRICS_QUARTERLY (STOCK_CODE, QUARTER_DATE, PER, PBR, ROE, EPS) "
                                    + "VALUES (?, ?, ?, ?, ?, ?)")
                            .params(s.code(), q.plusMonths(3L * k).withDayOfMonth(q.plusMonths(3L * k).lengthOfMonth()),
                                    eps <= 0 ? null : s.basePrice() / eps, (double) s.basePrice() / Math.max(1, s.bps()),
                                    8.0 + k * (i % 4 == 0 ? 1.5 : -0.5), eps)
                            .update();
                }
            }
            if (i % 3 == 0) {
                jdbc.sql("INSERT INTO STOCK_NEWS_SENTIMENT_MOCK (STOCK_CODE, NEWS_DATE, HEADLINE, SENTIMENT_SCORE, "
                                + "SENTIMENT_REASON, ARTICLE_URL, PUBLISHED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(s.code(), nowUtc.minusDays(1), s.name() + " 수주 확대", 70 + (i % 20),
                                "수주 확대로 실적 개선 기대", "https://fixture.test/" + s.code(), nowUtc.minusDays(1))
                        .update();
            }
        }
        return universe;
    }

    private List<LocalDate> sessionsBefore(LocalDate today, int n) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = today.minusDays(1);
        while (out.size() < n) {
            if (calendar.isTradingDay(d)) {
                out.add(0, d);
            }
            d = d.minusDays(1);
        }
        return out;
    }

    /** A random walk that ends at about {@code last}: drift +0.05 %/day, 1.6 % daily volatility. */
    private static List<DailyPrice> walk(String code, List<LocalDate> sessions, long last, long volume,
                                         Random random) {
        int n = sessions.size();
        double[] closes = new double[n];
        closes[n - 1] = last;
        for (int i = n - 2; i >= 0; i--) {
            closes[i] = closes[i + 1] / (1 + 0.0005 + random.nextGaussian() * 0.016);
        }
        List<DailyPrice> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long c = Math.max(100, Math.round(closes[i]));
            long o = Math.max(100, Math.round(i == 0 ? c : closes[i - 1]));
            long hi = Math.max(c, o) + Math.round(c * 0.008);
            long lo = Math.max(1, Math.min(c, o) - Math.round(c * 0.008));
            long v = Math.max(1, Math.round(volume * (0.7 + random.nextDouble() * 0.8)));
            out.add(new DailyPrice(code, sessions.get(i), o, hi, lo, c, v));
        }
        return out;
    }
}
