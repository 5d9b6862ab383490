package com.primejennie.pricemonitor.exits.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.primejennie.pricemonitor.exits.ExitsProperties;
import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.rules.ExitChain;
import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.persistence.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The engine around the chain: stale ticks, cached positions, publish-then-state, rewatch, exit-path health. */
class ExitEngineTest {

    final ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 12, 11, 0));
    final ExitsProperties props = ExitsProperties.defaults();
    final PositionBook book = new PositionBook(props.rewatchDelay());
    final ExitStateStore states = new ExitStateStore(null);
    final List<SellOrder> published = new ArrayList<>();
    final AtomicBoolean publishFails = new AtomicBoolean();
    final AtomicReference<Supplier<List<Position>>> db = new AtomicReference<>(() -> List.of(position(100)));
    final ExitEngine engine = new ExitEngine(book, states, new DailyBarSource((c, n) -> List.of(), 30), o -> {
        if (publishFails.get()) {
            throw new IllegalStateException("redis down");
        }
        published.add(o);
    }, clock, c -> ExitThresholds.defaults(), () -> "SIDEWAYS", () -> 1.0, props, ExitChain.standard());
    final ExitsRuntime runtime = new ExitsRuntime(() -> db.get().get(), book, states,
            new ExitPathHealth(t -> true, Duration.ofSeconds(60)), null, clock, Duration.ofSeconds(30));

    static Position position(int qty) {
        return new Position("005930", "삼성전자", qty, new BigDecimal("10000"), new BigDecimal(qty * 10000L), null,
                null, LocalDateTime.of(2026, 2, 1, 0, 0), LocalDateTime.of(2026, 2, 1, 0, 0));
    }

    Instant now() {
        return clock.instant();
    }

    @Test
    void tickOlderThanMaxAgeInMarketTimeNeverTriggersAnExit() {
        runtime.refresh();
        assertThat(engine.onTick("005930", 9_000, now().minusMillis(3_001))).isEmpty();
        assertThat(engine.onTick("005930", 9_000, now().minusMillis(3_000))).isPresent();
    }

    @Test
    void stopLossPublishesTheSellOrderPayloadOfTheFullRemainingQuantity() {
        runtime.refresh();
        SellOrder o = engine.onTick("005930", 9_400, now()).orElseThrow();
        assertThat(o.stockCode()).isEqualTo("005930");
        assertThat(o.quantity()).isEqualTo(100);
        assertThat(o.currentPrice()).isEqualTo(9_400.0);
        assertThat(o.sellReason()).isEqualTo("Fixed Stop Loss: -6.00% (Limit: -6.0%)");
        assertThat(o.holdingId()).isEqualTo("005930");
        assertThat(o.signalIssuedAt()).isNotBlank();
    }

    @Test
    void exitsKeepWorkingWhileMariadbIsDown() {
        runtime.refresh();
        db.set(() -> {
            throw new IllegalStateException("Communications link failure");
        });
        assertThat(runtime.refresh()).isFalse();
        assertThat(engine.onTick("005930", 9_400, now())).isPresent();
    }

    @Test
    void failedPublishChangesNoStateSoTheNextTickFiresAgain() {
        runtime.refresh();
        publishFails.set(true);
        assertThatThrownBy(() -> engine.onTick("005930", 9_400, now())).isInstanceOf(IllegalStateException.class);
        publishFails.set(false);
        assertThat(engine.onTick("005930", 9_400, now())).isPresent();
    }

    @Test
    void fullExitIsParkedThenWatchedAgainWhileTheDbStillHoldsThePosition() {
        runtime.refresh();
        assertThat(engine.onTick("005930", 9_400, now())).isPresent();
        assertThat(engine.onTick("005930", 9_300, now())).as("parked: one signal per exit").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        runtime.refresh();
        assertThat(engine.onTick("005930", 9_300, now())).as("still parked").isEmpty();
        clock.advance(Duration.ofSeconds(31));
        runtime.refresh();
        assertThat(engine.onTick("005930", 9_300, now())).as("sell did not go through: fires again").isPresent();
    }

    @Test
    void ladderAndHighWatermarkSurvivePartialSalesAndClearOnlyWhenTheDbShowsThePositionClosed() {
        db.set(() -> List.of(position(1000)));
        runtime.refresh();
        assertThat(engine.onTick("005930", 10_300, now()).orElseThrow().sellReason()).startsWith("Scale-out L1");
        db.set(() -> List.of(position(750)));
        runtime.refresh();
        assertThat(engine.onTick("005930", 10_350, now())).as("L1 not again after a partial").isEmpty();
        assertThat(states.get("005930", 10_000).scaleOutLevel()).isEqualTo(1);
        assertThat(states.get("005930", 10_000).highPrice()).isEqualTo(10_350);
        db.set(List::of);
        runtime.refresh();
        assertThat(states.get("005930", 10_000).scaleOutLevel()).isZero();
    }

    @Test
    void exitPathFailingOnEveryTickReportsDownAndSendsOneCriticalAlertWithinAMinute() {
        List<String> critical = new ArrayList<>();
        Notifier notifier = new Notifier() {
            @Override
            public boolean send(String text) {
                return true;
            }

            @Override
            public boolean sendCritical(String text) {
                critical.add(text);
                return true;
            }
        };
        ExitPathHealth health = new ExitPathHealth(notifier, Duration.ofSeconds(60));
        health.useClock(clock::instant);
        runtime.refresh();
        // every tick throws, as the Python handler did after a signature change
        ExitTickHandler handler = new ExitTickHandler(new ExitEngine(book, states,
                new DailyBarSource((c, n) -> List.of(), 30), published::add, clock, c -> {
                    throw new IllegalArgumentException("unexpected keyword argument 'vol'");
                }, () -> "SIDEWAYS", () -> 1.0, props, ExitChain.standard()), health, clock);
        for (int s = 0; s < 60; s++) {
            handler.onMessage(tick(10_000));
            clock.advance(Duration.ofSeconds(1));
            health.check(clock.instant());
            if (s < 59) {
                assertThat(critical).isEmpty();
            }
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(critical).hasSize(1);
        assertThat(critical.get(0)).contains("매도 감시 중단");
        handler.onMessage(tick(10_000));
        assertThat(critical).hasSize(1);
    }

    @Test
    void heartbeatSaysWhenTheExitPathIsDown() {
        assertThat(ExitsRuntime.heartbeatJson(41, "10:00:01", 7, false)).isEqualTo("{\"status\":\"online\","
                + "\"service\":\"price-monitor\",\"metrics\":{\"watching_count\":41,\"updated_at\":\"10:00:01\","
                + "\"pid\":7,\"exit_path\":\"UP\"}}");
        assertThat(ExitsRuntime.heartbeatJson(41, "10:00:01", 7, true)).startsWith("{\"status\":\"exit_path_down\"")
                .contains("\"exit_path\":\"DOWN\"");
    }

    @Test
    void healthyExitPathStaysUp() {
        ExitPathHealth health = new ExitPathHealth(t -> true, Duration.ofSeconds(60));
        health.useClock(clock::instant);
        runtime.refresh();
        ExitTickHandler handler = new ExitTickHandler(engine, health, clock);
        handler.onMessage(tick(10_000));
        clock.advance(Duration.ofMinutes(5));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    /** The engine with the §1.9 DB double-check reading {@code row}. */
    ExitEngine checked(AtomicReference<Supplier<java.util.Optional<Position>>> row) {
        return new ExitEngine(book, states, new DailyBarSource((c, n) -> List.of(), 30), published::add, clock,
                c -> ExitThresholds.defaults(), () -> "SIDEWAYS", () -> 1.0, props, ExitChain.standard(),
                code -> row.get().get());
    }

    @Test
    void doubleCheckDropsAnExitWhenTheDbNoLongerHoldsThePosition() {
        runtime.refresh();
        published.clear();
        ExitEngine engine = checked(new AtomicReference<>(java.util.Optional::empty));
        assertThat(engine.onTick("005930", 9_400, now())).isEmpty();
        assertThat(published).isEmpty();
        assertThat(book.get("005930")).as("dropped from the book").isNull();
    }

    @Test
    void doubleCheckReEvaluatesOnTheDbAveragePriceWhenItDiffersByMoreThanOneWon() {
        runtime.refresh();
        published.clear();
        Position averagedDown = new Position("005930", "삼성전자", 200, new BigDecimal("9300"),
                new BigDecimal("1860000"), null, null, LocalDateTime.of(2026, 2, 1, 0, 0),
                LocalDateTime.of(2026, 2, 12, 0, 0));
        ExitEngine engine = checked(new AtomicReference<>(() -> java.util.Optional.of(averagedDown)));
        // -6 % on the cached 10,000, +1.1 % on the DB's 9,300: no sell
        assertThat(engine.onTick("005930", 9_400, now())).isEmpty();
        assertThat(book.get("005930").quantity()).isEqualTo(200);
        assertThat(book.get("005930").position().averageBuyPrice()).isEqualByComparingTo("9300");
    }

    @Test
    void doubleCheckWithinOneWonSellsTheCachedPosition() {
        runtime.refresh();
        published.clear();
        Position same = new Position("005930", "삼성전자", 100, new BigDecimal("10000.5"), new BigDecimal("1000050"),
                null, null, LocalDateTime.of(2026, 2, 1, 0, 0), LocalDateTime.of(2026, 2, 1, 0, 0));
        ExitEngine engine = checked(new AtomicReference<>(() -> java.util.Optional.of(same)));
        assertThat(engine.onTick("005930", 9_400, now())).isPresent();
    }

    @Test
    void doubleCheckThatCannotReadTheDbStillSells() {
        runtime.refresh();
        published.clear();
        ExitEngine engine = checked(new AtomicReference<>(() -> {
            throw new IllegalStateException("Communications link failure");
        }));
        assertThat(engine.onTick("005930", 9_400, now()).orElseThrow().quantity()).isEqualTo(100);
    }

    @Test
    void aTickIsAsOldAsItsTradeTimeInMarketTimeNotItsStreamEntry() {
        runtime.refresh();
        published.clear();
        // the market clock runs simulated (2026-02-12 11:00 KST) while Redis stamps real time: the entry id says
        // nothing about the market, the tick's HHmmss does
        java.time.Instant realNow = java.time.Instant.parse("2026-12-01T23:00:00Z");
        ExitTickHandler handler = new ExitTickHandler(engine, new ExitPathHealth(t -> true, Duration.ofSeconds(60)),
                clock, null, java.time.InstantSource.fixed(realNow));
        String freshId = realNow.toEpochMilli() + "-0";
        handler.onMessage(new ReceivedMessage<>("kis:prices", freshId,
                new PriceTick("005930", 9_400, null, null, "105956"), Map.of()));
        assertThat(published).as("traded 4 market seconds ago").isEmpty();
        handler.onMessage(new ReceivedMessage<>("kis:prices", freshId,
                new PriceTick("005930", 9_400, null, null, "105957"), Map.of()));
        assertThat(published).as("traded 3 market seconds ago").hasSize(1);
    }

    @Test
    void withoutATradeTimeTheTickIsAsOldAsItsEntryInRealTime() {
        java.time.Instant realNow = java.time.Instant.parse("2026-12-01T23:00:00Z");
        ExitTickHandler handler = new ExitTickHandler(engine, new ExitPathHealth(t -> true, Duration.ofSeconds(60)),
                clock, null, java.time.InstantSource.fixed(realNow));
        assertThat(handler.marketTime(null, realNow.minusSeconds(5))).isEqualTo(now().minusSeconds(5));
        assertThat(handler.marketTime("", realNow)).isEqualTo(now());
        assertThat(handler.marketTime("105930", realNow)).isEqualTo(now().minusSeconds(30));
    }

    ReceivedMessage<PriceTick> tick(double price) {
        String id = clock.instant().toEpochMilli() + "-0";
        String time = clock.now().format(java.time.format.DateTimeFormatter.ofPattern("HHmmss"));
        return new ReceivedMessage<>("kis:prices", id, new PriceTick("005930", price, null, null, time),
                Map.of("code", "005930", "price", Double.toString(price)));
    }
}
