package com.primejennie.kissim.datajobstest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Range;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.kissim.SimTestSupport;
import com.primejennie.kissim.rest.KisGateway;
import com.primejennie.scoutjob.data.DataJobsConfiguration.DataPieces;
import com.primejennie.scoutjob.data.DataJobsProperties;
import com.primejennie.scoutjob.data.DataUniverse;
import com.primejennie.scoutjob.data.JobCheckpoints;
import com.primejennie.scoutjob.data.QuotationSource;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.jobs.JobRunner;
import com.primejennie.shared.jobs.ParallelRunLimit;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisProperties;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.messaging.JsonPayloadCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.StreamConnections;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.ScratchDatabase;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.persistence.TableNames;
import com.primejennie.shared.persistence.WatchlistEntry;
import com.primejennie.shared.persistence.WatchlistRepository;
import com.primejennie.shared.prices.DailyPriceReadThrough;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingsRegistry;
import com.primejennie.shared.testing.RealServices;

/**
 * The wiring the data-job tests and {@code scripts/bench-data.sh} stand on: kis-sim (history of three years), a
 * migrated scratch database, a fresh app key and account at kis-sim, and scout-job's seven data jobs wired as the app
 * wires them ({@link DataPieces#create}) under a {@link JobRunner} reporting on the real {@code stream:jobs:results}.
 * The market clock is kis-sim's day after the close (2026-03-04 16:00 KST), so the session is complete; kis-sim
 * trades once a minute (the jobs read daily figures only, and moving the clock to the close stays quick).
 */
@TestPropertySource(properties = {"kis-sim.market.history-days=760", "kis-sim.market.trade-interval=PT1M"})
abstract class DataJobsOnSim extends SimTestSupport {

    protected static final Instant AFTER_CLOSE = Instant.parse("2026-03-04T07:00:00Z"); // 16:00 KST

    protected static ScratchDatabase database;
    protected static JdbcClient db;

    @Autowired
    protected KisGateway gateway;

    protected KisTestKit kit;
    protected KisComponents kis;
    protected String account;
    protected StreamConnections connections;
    protected DailyPriceReadThrough readThrough;
    protected DataUniverse universe;
    protected JobCheckpoints checkpoints;
    protected WatchlistRepository watchlist;
    protected final Map<String, String> env = new HashMap<>();
    private final List<JobRunner> runners = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.migrated("datajobs");
        db = database.jdbc();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    /** The client's share of the budget (KIS real: 19 of 20 per second). */
    protected int requestsPerSecond() {
        return 19;
    }

    @BeforeEach
    void wire() {
        kit = new KisTestKit();
        kit.clearKisKeys();
        for (String pattern : List.of("data:*", "jobs:*", JobIds.RESULTS_STREAM)) {
            Set<String> keys = kit.redis().keys(pattern);
            if (keys != null && !keys.isEmpty()) {
                kit.redis().delete(keys);
            }
        }
        for (String table : List.of("STOCK_MASTER", "STOCK_DAILY_PRICES_3Y", "STOCK_INVESTOR_TRADING",
                "FINANCIAL_METRICS_QUARTERLY", "DAILY_ASSET_SNAPSHOT", "WATCHLIST", "ACTIVE_PORTFOLIO_MOCK",
                "STOCK_MINUTE_PRICE", "ORDER_LEDGER_MOCK", "ORDER_FILL_MOCK", "SHADOW_RADAR_LOG")) {
            db.sql("DELETE FROM " + table).update();
        }
        admin("POST", "/admin/clock", Map.of("set", "2026-03-04T16:00:00+09:00", "paused", true));
        kit.clock().set(AFTER_CLOSE);
        String key = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        account = String.valueOf(60_000_000 + ThreadLocalRandom.current().nextInt(30_000_000));
        KisProperties props = KisTestKit.properties(base(), requestsPerSecond(), key, "secret-" + key, account)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
        kis = kit.components(props, KisMode.PAPER);
        connections = StreamConnections.of(RealServices.redis().url(), Duration.ofSeconds(2));
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        readThrough = new DailyPriceReadThrough(new DailyPriceRepository(jdbc, kit.clock()), kis.client(),
                KrxCalendar.bundled(KrxSessionRules.defaults()), kit.clock());
        watchlist = new WatchlistRepository(jdbc, kit.clock());
        universe = new DataUniverse(watchlist, new ActivePortfolioRepository(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())), kit.clock(),
                TableNames.forTradingMode("MOCK")), kit.redis());
        checkpoints = new JobCheckpoints(kit.redis(), Duration.ofDays(3));
        env.clear();
    }

    @AfterEach
    void close() {
        runners.forEach(JobRunner::close);
        runners.clear();
        connections.close();
        kit.close();
    }

    /** The properties of a test run: {@code leaders} names of each ranking join the universe. */
    protected DataJobsProperties properties(int leaders) {
        return new DataJobsProperties(true, null, null, leaders, null, 0, null, null, null);
    }

    protected DataPieces pieces(DataJobsProperties properties) {
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        RuntimeSettings settings = new RuntimeSettings(SettingsRegistry.standard(), k -> Optional.empty(), env::get,
                kit.clock(), Duration.ZERO);
        return DataPieces.create(QuotationSource.single(kis.client()), readThrough, universe, checkpoints,
                new StockMasterRepository(jdbc, kit.clock()), new DailyPriceRepository(jdbc, kit.clock()), jdbc,
                kit.clock(), settings, properties, new ClassPathResource("data/krx-listings.csv"));
    }

    protected JobRunner runner(DataPieces pieces) {
        TradingSignalPublisher<Object> results = new TradingSignalPublisher<>(connections, JobIds.RESULTS_STREAM,
                new JsonPayloadCodec<>(WireJson.mapper(), Object.class), StreamSettings.builtIn(JobIds.RESULTS_STREAM),
                MessagingMetrics.inMemory());
        JobRunner runner = new JobRunner("scout-job", results, new ParallelRunLimit(kit.redis(), Clock.systemUTC()),
                kit.clock().asClock(), Duration.ofMinutes(10), Duration.ZERO);
        runners.add(runner);
        return pieces.registerWith(runner);
    }

    protected static JobMessage message(String jobId, String runId, int timeoutSec) {
        return new JobMessage(jobId, "mock", runId, "test", Map.of(), timeoutSec, 0, null,
                "2026-03-04T16:00:00.000000+09:00", false);
    }

    /** Puts {@code codes} on the watchlist (the universe's first part). */
    protected void watch(String... codes) {
        for (String code : codes) {
            watchlist.upsert(new WatchlistEntry(code, code, true, "TIER1", 70.0, null, kit.clock().nowUtcNaive(),
                    null, null, null, null, null, null, null, null));
        }
    }

    protected List<JobResult> resultsOnStream() {
        var entries = kit.redis().opsForStream().range(JobIds.RESULTS_STREAM, Range.unbounded());
        List<JobResult> found = new ArrayList<>();
        if (entries != null) {
            for (var e : entries) {
                found.add(WireJson.mapper().readValue(e.getValue().get("payload").toString(), JobResult.class));
            }
        }
        return found;
    }

    protected long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    /** Every row of {@code table} as text, ordered, for "a rerun changes nothing". */
    protected List<String> dump(String table, String orderBy) {
        return db.sql("SELECT * FROM " + table + " ORDER BY " + orderBy).query((rs, n) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(';');
            }
            return sb.toString();
        }).list();
    }
}
