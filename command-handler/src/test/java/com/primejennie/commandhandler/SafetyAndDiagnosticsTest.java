package com.primejennie.commandhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import com.primejennie.commandhandler.command.CommandTable;
import com.primejennie.shared.audit.AuditOutcome;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.orders.Halt;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.Reconciliation;

import tools.jackson.databind.json.JsonMapper;

/** /sync, /halts, /unhalt, /locks, /diagnose, /report and /help over the fake Telegram. */
class SafetyAndDiagnosticsTest extends BotTestBase {

    static final String PREFIX = "orders:mock:" + KisTestKit.ACCOUNT + ":";

    @Autowired
    ObjectProvider<JsonMapper> mapper;
    @Autowired
    OrderSafetyView safety;
    @Autowired
    CommandTable table;

    private JsonMapper json() {
        return mapper.getIfAvailable(() -> JsonMapper.builder().build());
    }

    private void halt(String code) {
        redis.opsForValue().set(PREFIX + "halt:" + code, json().writeValueAsString(new Halt(code,
                "buy:1770858000000-0", "order state UNKNOWN after submit timeout", Instant.parse(
                "2026-02-12T00:31:00Z"))));
        redis.opsForSet().add(PREFIX + "halts", code);
    }

    private void mismatch(String... codes) {
        List<Reconciliation.Mismatch> ms = java.util.Arrays.stream(codes).map(c -> new Reconciliation.Mismatch(c,
                "종목" + c, 12, 0, BigDecimal.valueOf(70500))).toList();
        redis.opsForValue().set(PREFIX + "reconciliation", json().writeValueAsString(new Reconciliation(
                Instant.parse("2026-02-12T00:50:00Z"), "MOCK", KisTestKit.ACCOUNT, ms, List.of(), List.of())));
    }

    @Test
    void syncShowsMismatchesAndAdoptsThemThroughTheBuyExecutorOnlyWhenConfirmed() {
        mismatch("005930", "000660");

        String preview = say("/sync");
        assertThat(preview).contains("잔고 불일치").contains("005930").contains("브로커 12주 / 포트폴리오 0주")
                .contains("/sync 확인");
        assertThat(PEERS.adopts()).isEmpty();

        String done = say("/sync 확인");

        assertThat(done).contains("005930: 0주 → 12주").contains("000660: 0주 → 12주");
        assertThat(PEERS.adopts()).hasSize(2).allSatisfy(call -> {
            assertThat(call.token()).isEqualTo(INTERNAL_TOKEN);
            assertThat(call.body()).contains("\"operator\":\"telegram:jennie\"");
        });
        assertThat(PEERS.adopts().get(0).body()).contains("\"code\":\"005930\"");
        assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.EXECUTED);
    }

    @Test
    void syncOfOneCodeAndWhenThereIsNothingToSync() {
        assertThat(say("/sync")).contains("대사(reconciliation) 결과가 없습니다");
        mismatch("005930", "000660");

        say("/sync 000660 확인");

        assertThat(PEERS.adopts()).singleElement().satisfies(c -> assertThat(c.body()).contains("000660"));
        mismatch();
        assertThat(say("/sync 확인")).contains("일치합니다");
        assertThat(say("/sync 삼성")).contains("종목코드가 올바르지 않습니다");
    }

    @Test
    void haltsListsOpenHalts() {
        assertThat(say("/halts")).contains("매수 중단된 종목이 없습니다");
        halt("005930");

        assertThat(say("/halts")).contains("005930").contains("order state UNKNOWN").contains("buy:1770858000000-0")
                .contains("2026-02-12T09:31").contains("/unhalt");
    }

    @Test
    void unhaltAsksWhetherTheOrderFilledAndClearsOnlyWithConfirmation() {
        halt("005930");

        String question = say("/unhalt 005930");
        assertThat(question).contains("체결되었는지").contains("/sync 005930 확인").contains("/unhalt 005930 확인");
        assertThat(safety.halt("005930")).isPresent();

        assertThat(say("/unhalt 005930 확인")).contains("해제했습니다");

        assertThat(safety.halt("005930")).isEmpty();
        assertThat(safety.halts()).isEmpty();
        assertThat(say("/unhalt 005930 확인")).contains("매수 중단 상태가 아닙니다");
        assertThat(say("/unhalt")).contains("사용법");
    }

    @Test
    void locksListsCooldownsAndClearsOneStockOnlyWhenConfirmed() {
        assertThat(say("/locks")).contains("없습니다");
        redis.opsForValue().set("stoploss_cooldown:005930", "1", Duration.ofDays(3));
        redis.opsForValue().set("buy_signal_cooldown:005930", "1", Duration.ofMinutes(30));
        redis.opsForValue().set("lock:buy:000660", "1", Duration.ofSeconds(40));

        assertThat(say("/locks")).contains("3개").contains("stoploss_cooldown:005930").contains("2일")
                .contains("buy_signal_cooldown:005930").contains("lock:buy:000660");
        assertThat(say("/locks clear 005930")).contains("/locks clear 005930 확인");
        assertThat(redis.hasKey("stoploss_cooldown:005930")).isTrue();

        assertThat(say("/locks clear 005930 확인")).contains("해제했습니다");

        assertThat(redis.hasKey("stoploss_cooldown:005930")).isFalse();
        assertThat(redis.hasKey("buy_signal_cooldown:005930")).isFalse();
        assertThat(redis.hasKey("lock:buy:000660")).as("an in-flight order lock is never cleared").isTrue();
        assertThat(say("/locks open")).contains("사용법");
    }

    @Test
    void diagnoseReportsInfrastructureServicesStreamsHaltsAndMismatches() {
        halt("005930");
        mismatch("000660");
        redis.opsForStream().add("stream:sell-orders:dead", java.util.Map.of("payload", "{}", "reason", "x"));
        redis.opsForStream().add("stream:buy-signals", java.util.Map.of("payload", "{}"));
        redis.opsForStream().createGroup("stream:buy-signals", "group_buy_executor");

        String report = say("/diagnose");

        assertThat(report).contains("시스템 진단").contains("2026-02-12 10:00:00").contains("✅ Redis: 정상")
                .contains("✅ DB: 정상").contains("KIS 토큰").contains("✅ buy-executor: UP")
                .contains("❌ price-monitor: 응답 없음").contains("stream:buy-signals: 1건")
                .contains("group_buy_executor 대기 0").contains("데드레터 1건").contains("매수 중단: 1개 (005930)")
                .contains("불일치 1건");
        assertThat(say("/report")).as("alias").contains("시스템 진단");
        assertThat(lastAudit().command()).isEqualTo("diagnose");
    }

    @Test
    void helpListsEveryCommandOfTheTable() {
        String help = say("/help");

        assertThat(table.names()).containsAll(List.of("pause", "resume", "stop", "dryrun", "buy", "sell", "sellall",
                "status", "portfolio", "pnl", "balance", "price", "watch", "unwatch", "watchlist", "mute", "unmute",
                "alert", "alerts", "risk", "minscore", "maxbuy", "config", "diagnose", "report", "help", "sync",
                "halts", "unhalt", "locks")).hasSize(30);
        table.commands().forEach(c -> assertThat(help).contains("/" + c.name()));
        assertThat(help).contains("29개");
        assertThat(say("/help me")).as("arguments ignored").contains("29개");
    }
}
