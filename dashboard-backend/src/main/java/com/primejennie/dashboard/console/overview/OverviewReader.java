package com.primejennie.dashboard.console.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.primejennie.dashboard.console.PriceBoard;
import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.market.TradingPhase;
import com.primejennie.shared.market.TradingSession;
import com.primejennie.shared.orders.Halt;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.Reconciliation;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.Position;
import com.primejennie.shared.persistence.TableNames;
import com.primejennie.shared.trading.DryRunResolver;
import com.primejennie.shared.trading.TradingFlagName;
import com.primejennie.shared.trading.TradingFlags;

import tools.jackson.databind.JsonNode;
import com.primejennie.shared.domain.WireJson;

/**
 * Everything the overview shows, read through the shared repositories and views: flags, clock and session,
 * positions priced from {@code prices:realtime}, today's realized P/L (the ledger's {@code profit_amount} of today's
 * sells), the last cash snapshot, halts and the reconciliation. A source that cannot be read shows as unknown; the
 * page never guesses a flag.
 */
@Component
public class OverviewReader {

    /** Flag state for the page; {@code known} false when Redis could not be read. */
    public record Flag(String key, boolean on, boolean known, String reason, String setAt) {
    }

    public record Clock(ZonedDateTime now, TradingPhase phase, ZonedDateTime open, ZonedDateTime close,
                        boolean tradingDay) {
    }

    public record Overview(String tradingMode, Flag pause, Flag stop, Flag dryRunFlag, Boolean dryRunActive,
                           String dryRunSource, Clock clock, List<PositionRow> positions, long invested,
                           long value, long unrealized, Long cash, LocalDate cashDate, long realizedToday,
                           int sellsToday, List<Halt> halts, Optional<Reconciliation> reconciliation,
                           String safetyError) {
    }

    private final TradingFlags flags;
    private final DryRunResolver dryRun;
    private final MarketClock clock;
    private final TradingCalendar calendar;
    private final TradingDay tradingDay;
    private final ActivePortfolioRepository portfolio;
    private final TableNames tables;
    private final JdbcClient jdbc;
    private final PriceBoard prices;
    private final OrderSafetyView safety;

    public OverviewReader(TradingFlags flags, DryRunResolver dryRun, MarketClock clock, TradingCalendar calendar,
                          TradingDay tradingDay, ActivePortfolioRepository portfolio, TableNames tables,
                          DataSource dataSource, PriceBoard prices, OrderSafetyView safety) {
        this.flags = flags;
        this.dryRun = dryRun;
        this.clock = clock;
        this.calendar = calendar;
        this.tradingDay = tradingDay;
        this.portfolio = portfolio;
        this.tables = tables;
        this.jdbc = JdbcClient.create(dataSource);
        this.prices = prices;
        this.safety = safety;
    }

    public Overview read() {
        Flag pause = flag(TradingFlagName.PAUSE);
        Flag stop = flag(TradingFlagName.STOP);
        Flag dry = flag(TradingFlagName.DRY_RUN);
        Boolean dryActive = null;
        String drySource = null;
        try {
            DryRunResolver.State s = dryRun.state();
            dryActive = s.active();
            drySource = s.source().name();
        } catch (RuntimeException e) {
            drySource = "UNKNOWN";
        }
        List<PositionRow> rows = positions();
        long invested = 0;
        long value = 0;
        for (PositionRow r : rows) {
            invested += r.averagePrice().multiply(BigDecimal.valueOf(r.quantity())).setScale(0, RoundingMode.HALF_UP)
                    .longValue();
            value += r.value();
        }
        long[] realized = realizedToday();
        Long cash = null;
        LocalDate cashDate = null;
        Optional<Map<String, Object>> snap = jdbc.sql("SELECT SNAPSHOT_DATE, CASH_BALANCE FROM DAILY_ASSET_SNAPSHOT "
                + "ORDER BY SNAPSHOT_DATE DESC LIMIT 1").query().listOfRows().stream().findFirst();
        if (snap.isPresent()) {
            cash = ((Number) snap.get().get("CASH_BALANCE")).longValue();
            Object d = snap.get().get("SNAPSHOT_DATE");
            cashDate = d instanceof java.sql.Date sd ? sd.toLocalDate() : d instanceof LocalDate ld ? ld : null;
        }
        List<Halt> halts = List.of();
        Optional<Reconciliation> rec = Optional.empty();
        String safetyError = null;
        try {
            halts = safety.halts();
            rec = safety.reconciliation();
        } catch (RuntimeException e) {
            safetyError = e.getMessage();
        }
        return new Overview(tables.tradingMode(), pause, stop, dry, dryActive, drySource, clock(), rows, invested,
                value, value - invested, cash, cashDate, realized[0], (int) realized[1], halts, rec, safetyError);
    }

    private Flag flag(TradingFlagName name) {
        try {
            TradingFlag f = flags.read(name);
            return new Flag(name.key(), f.value(), true, f.reason(), f.setAt());
        } catch (RuntimeException e) {
            return new Flag(name.key(), false, false, e.getMessage(), null);
        }
    }

    Clock clock() {
        ZonedDateTime now = clock.now();
        Optional<TradingSession> session = calendar.session(now.toLocalDate());
        return new Clock(now, calendar.phaseAt(now), session.map(TradingSession::open).orElse(null),
                session.map(TradingSession::close).orElse(null), session.isPresent());
    }

    List<PositionRow> positions() {
        List<Position> held = portfolio.findAll().stream().filter(p -> p.quantity() > 0).toList();
        Map<String, Long> live = prices.prices(held.stream().map(Position::stockCode).toList());
        List<PositionRow> rows = new ArrayList<>();
        for (Position p : held) {
            BigDecimal avg = p.averageBuyPrice() == null ? BigDecimal.ZERO : p.averageBuyPrice();
            Long price = live.get(p.stockCode());
            long current = price != null ? price : avg.setScale(0, RoundingMode.HALF_UP).longValue();
            BigDecimal cost = avg.multiply(BigDecimal.valueOf(p.quantity()));
            long value = current * p.quantity();
            long profit = BigDecimal.valueOf(value).subtract(cost).setScale(0, RoundingMode.HALF_UP).longValue();
            BigDecimal rate = cost.signum() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(profit).multiply(BigDecimal.valueOf(100)).divide(cost, 2,
                    RoundingMode.HALF_UP);
            rows.add(new PositionRow(p.stockCode(), p.stockName() == null ? p.stockCode() : p.stockName(),
                    p.quantity(), avg, current, price != null, profit, rate, value));
        }
        return rows;
    }

    /** [net P/L of today's sells, number of sells], today = the KST trading day. */
    long[] realizedToday() {
        TradingDay.WindowUtcNaive w = tradingDay.windowUtcNaive(tradingDay.today());
        List<String> metrics = jdbc.sql("SELECT KEY_METRICS_JSON FROM " + tables.tradeLog()
                        + " WHERE TRADE_TYPE = 'SELL' AND TRADE_TIMESTAMP >= ? AND TRADE_TIMESTAMP < ?")
                .params(w.start(), w.end()).query(String.class).list();
        long sum = 0;
        for (String json : metrics) {
            sum += profitAmount(json);
        }
        return new long[] {sum, metrics.size()};
    }

    /** The ledger's net P/L of record in a sell's KEY_METRICS_JSON, 0 when absent. */
    public static long profitAmount(String json) {
        if (json == null || json.isBlank()) {
            return 0;
        }
        try {
            JsonNode n = WireJson.mapper().readTree(json).get("profit_amount");
            return n == null || n.isNull() ? 0 : Math.round(n.asDouble());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
