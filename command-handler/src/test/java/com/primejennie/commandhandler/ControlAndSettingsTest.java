package com.primejennie.commandhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.primejennie.shared.audit.AuditOutcome;
import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.notify.MuteSwitch;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.trading.DryRunResolver;

import tools.jackson.databind.JsonNode;

/** Trading control, settings, mute and price alerts over the fake Telegram, on the real Redis and MariaDB. */
class ControlAndSettingsTest extends BotTestBase {

    @Autowired
    DryRunResolver dryRun;
    @Autowired
    RuntimeSettings settings;

    private TradingFlag flag(String key) {
        return TradingFlag.parse(redis.opsForValue().get(key));
    }

    @Test
    void pauseHasNoExpiryUnlessADurationIsGiven() {
        assertThat(say("/pause 장 점검")).contains("일시 중지").contains("사유: 장 점검");
        assertThat(flag("trading:pause").value()).isTrue();
        assertThat(flag("trading:pause").reason()).isEqualTo("장 점검");
        assertThat(redis.getExpire("trading:pause")).as("no TTL (the Python 24 h is gone)").isEqualTo(-1L);

        assertThat(say("/pause 2h")).contains("2시간 후 자동 해제").contains("사유: 사용자 요청");
        assertThat(redis.getExpire("trading:pause", TimeUnit.SECONDS)).isBetween(7100L, 7200L);
    }

    @Test
    void stopNeedsConfirmationInTheSameMessage() {
        assertThat(say("/stop")).contains("/stop 확인");
        assertThat(say("/stop 네")).contains("/stop 확인");
        assertThat(redis.hasKey("trading:stop")).isFalse();
        assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.REJECTED);

        assertThat(say("/stop 확인")).contains("긴급 중지 완료");

        assertThat(flag("trading:stop").value()).isTrue();
        assertThat(flag("trading:pause").value()).isTrue();
        assertThat(redis.getExpire("trading:stop")).isEqualTo(-1L);
        redis.delete("trading:stop");
        assertThat(say("/stop 긴급")).contains("긴급 중지 완료");
    }

    @Test
    void resumeClearsPauseAndStopAsExplicitFalse() {
        say("/stop 확인");

        assertThat(say("/resume")).contains("거래 재개").contains("긴급 중지도 함께 해제");

        assertThat(flag("trading:stop").value()).isFalse();
        assertThat(flag("trading:pause").value()).isFalse();
        assertThat(flag("trading:pause").isSet()).isTrue();
    }

    @Test
    void dryRunShowsAndSwitchesTheFlagEveryServiceReads() {
        assertThat(say("/dryrun")).contains("OFF").contains("/dryrun on");

        assertThat(say("/dryrun on")).contains("DRY_RUN ON");
        assertThat(dryRun.state()).isEqualTo(new DryRunResolver.State(true, DryRunResolver.Source.FLAG));
        assertThat(redis.getExpire("trading:dryrun")).isEqualTo(-1L);

        assertThat(say("/dryrun off")).contains("실제 주문");
        assertThat(dryRun.isActive()).as("/dryrun off really turns it off").isFalse();

        assertThat(say("/dryrun maybe")).contains("알 수 없는 값: maybe");
        assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.REJECTED);
    }

    @Test
    void riskMinScoreAndMaxBuyWriteTheRegistryKeysTheServicesRead() {
        assertThat(say("/risk")).contains("moderate");
        assertThat(say("/risk aggressive")).contains("aggressive");
        assertThat(say("/minscore 75")).contains("75");
        assertThat(say("/maxbuy 3")).contains("3");

        assertThat(config("RISK_LEVEL")).isEqualTo("aggressive");
        assertThat(config("MIN_LLM_SCORE")).isEqualTo("75");
        assertThat(config("MAX_BUY_COUNT_PER_DAY")).isEqualTo("3");
        settings.invalidateAll();
        assertThat(settings.get(SettingKeys.RISK_LEVEL)).isEqualTo("aggressive");
        assertThat(settings.get(SettingKeys.MIN_LLM_SCORE)).isEqualTo(75);
        assertThat(settings.get(SettingKeys.MAX_BUY_COUNT_PER_DAY)).isEqualTo(3);
        assertThat(redis.hasKey("config:risk_level")).as("not the cosmetic Python key").isFalse();

        assertThat(say("/minscore")).contains("75");
        assertThat(say("/maxbuy")).contains("3");
    }

    @Test
    void settingsRefuseValuesOutsideTheirRange() {
        assertThat(say("/risk yolo")).contains("conservative, moderate, aggressive");
        assertThat(say("/minscore 101")).contains("0~100");
        assertThat(say("/maxbuy 21")).contains("0~20");
        assertThat(say("/maxbuy -1")).contains("0~20");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM CONFIG").query(Long.class).single()).isZero();
    }

    @Test
    void configSummarisesTheSettings() {
        say("/minscore 80");
        say("/pause");

        assertThat(say("/config")).contains("일시 중지").contains("DRY_RUN: OFF").contains("최소 LLM 점수: 80")
                .contains("일일 최대 매수: 6").contains("위험 성향: moderate").contains("하루 3건");
    }

    @Test
    void muteWritesTheKeyTheNotifierHonoursAndUnmuteDeletesIt() {
        assertThat(say("/mute 30")).contains("30분");

        JsonNode value = WireJson.mapper().readTree(redis.opsForValue().get("notification:mute"));
        assertThat(value.path("until").asLong()).isEqualTo(NOW.getEpochSecond() + 1800);
        assertThat(value.path("set_at").asString()).startsWith("2026-02-12T01:00:00");
        assertThat(redis.getExpire("notification:mute", TimeUnit.SECONDS)).isBetween(1790L, 1800L);
        assertThat(new MuteSwitch(redis, "notification:mute", clock).isMuted()).isTrue();
        assertThat(say("/config")).contains("🔕");

        assertThat(say("/unmute")).contains("다시 켭니다");
        assertThat(redis.hasKey("notification:mute")).isFalse();
    }

    @Test
    void muteRefusesZeroAndNonNumbers() {
        assertThat(say("/mute 0")).contains("사용법");
        assertThat(say("/mute")).contains("사용법");
        assertThat(say("/mute 반시간")).contains("사용법");
        assertThat(redis.hasKey("notification:mute")).isFalse();
    }

    @Test
    void alertStoresThePythonKeyFormatAboveOrBelowTheCurrentPrice() {
        String reply = say("/alert 삼성전자 75,000원");

        assertThat(reply).contains("75,000원").contains("이상").contains("71,000원").contains("7일");
        JsonNode alert = WireJson.mapper().readTree(redis.opsForValue().get("price_alert:005930"));
        assertThat(alert.path("stock_code").asString()).isEqualTo("005930");
        assertThat(alert.path("stock_name").asString()).isEqualTo("삼성전자");
        assertThat(alert.path("target_price").isIntegralNumber()).isTrue();
        assertThat(alert.path("target_price").asLong()).isEqualTo(75000);
        assertThat(alert.path("alert_type").asString()).isEqualTo("above");
        assertThat(alert.path("triggered").asBoolean(true)).isFalse();
        assertThat(alert.path("created_at").asString()).startsWith("2026-02-12T01:00:00");
        assertThat(redis.getExpire("price_alert:005930", TimeUnit.SECONDS)).isBetween(604700L, 604800L);

        say("/alert 005930 60000");
        assertThat(WireJson.mapper().readTree(redis.opsForValue().get("price_alert:005930")).path("alert_type")
                .asString()).as("one alert per stock, overwritten").isEqualTo("below");
    }

    @Test
    void alertArgumentErrorsAndDelete() {
        assertThat(say("/alert")).contains("사용법");
        assertThat(say("/alert 삼성전자")).contains("종목과 가격을 모두");
        assertThat(say("/alert 삼성전자 싸게")).contains("가격이 올바르지 않습니다");
        assertThat(say("/alert 삼성전자 삭제")).contains("설정된 가격 알림이 없습니다");
        say("/alert 삼성전자 75000");

        assertThat(say("/alert 삼성전자 삭제")).contains("삭제했습니다");
        assertThat(redis.hasKey("price_alert:005930")).isFalse();
    }

    @Test
    void alertsListsEveryAlertFoundWithScan() {
        assertThat(say("/alerts")).contains("없습니다");
        say("/alert 삼성전자 75000");
        say("/alert SK하이닉스 60000");

        assertThat(say("/alerts")).contains("2개").contains("삼성전자 (005930)").contains("⬆️ 75,000원")
                .contains("SK하이닉스 (000660)").contains("⬇️ 60,000원");
    }

    private String config(String key) {
        return jdbc.sql("SELECT CONFIG_VALUE FROM CONFIG WHERE CONFIG_KEY = ?").param(key).query(String.class)
                .single();
    }
}
