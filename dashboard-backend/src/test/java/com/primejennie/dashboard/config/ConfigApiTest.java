package com.primejennie.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.primejennie.dashboard.support.Api;
import com.primejennie.dashboard.support.DashboardTestBase;

import tools.jackson.databind.JsonNode;

/** {@code PUT /api/config/{key}} through the shared settings registry: type checked, sensitive and unknown refused. */
class ConfigApiTest extends DashboardTestBase {

    @Test
    void storesAValidValueInConfigAndReportsItsSource() {
        Api api = operator();
        Api.Answer a = api.put("/api/config/MAX_BUY_COUNT_PER_DAY", "{\"value\":\"4\",\"description\":\"fewer\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("key").asString()).isEqualTo("MAX_BUY_COUNT_PER_DAY");
        assertThat(a.json().get("value").asString()).isEqualTo("4");
        assertThat(a.json().get("source").asString()).isEqualTo("db");
        assertThat(a.json().get("db_value").asString()).isEqualTo("4");
        assertThat(jdbc.sql("SELECT CONFIG_VALUE FROM CONFIG WHERE CONFIG_KEY = 'MAX_BUY_COUNT_PER_DAY'")
                .query(String.class).single()).isEqualTo("4");
        JsonNode listed = find(api.get("/api/config").json(), "MAX_BUY_COUNT_PER_DAY");
        assertThat(listed.get("value").asString()).isEqualTo("4");
        JsonNode factor = find(api.get("/api/settings/factors").json(), "MAX_BUY_COUNT_PER_DAY");
        assertThat(factor.get("value").asInt()).isEqualTo(4);
        assertThat(factor.has("desc")).isTrue();
        assertThat(factor.has("category")).isTrue();
    }

    @Test
    void acceptsPythonBooleanSpellingsAndNormalisesThem() {
        Api.Answer a = operator().put("/api/config/CORRELATION_CHECK_ENABLED", "{\"value\":\"yes\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT CONFIG_VALUE FROM CONFIG WHERE CONFIG_KEY = 'CORRELATION_CHECK_ENABLED'")
                .query(String.class).single()).isIn("true", "True");
    }

    @Test
    void refusesAWrongTypeASensitiveKeyAndAnUnknownKey() {
        Api api = operator();
        Api.Answer badType = api.put("/api/config/MAX_BUY_COUNT_PER_DAY", "{\"value\":\"many\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("detail").asString()).contains("MAX_BUY_COUNT_PER_DAY");
        Api.Answer sensitive = api.put("/api/config/KIS_APP_SECRET", "{\"value\":\"x\"}");
        assertThat(sensitive.status()).isEqualTo(400);
        assertThat(sensitive.json().get("detail").asString()).contains("sensitive");
        Api.Answer unknown = api.put("/api/config/NO_SUCH_KEY", "{\"value\":\"1\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("NO_SUCH_KEY");
        Api.Answer noValue = api.put("/api/config/MAX_BUY_COUNT_PER_DAY", "{}");
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM CONFIG").query(Long.class).single()).isZero();
    }

    @Test
    void sensitiveKeysAreListedMasked() {
        JsonNode secret = find(operator().get("/api/config").json(), "KIS_APP_SECRET");
        assertThat(secret.get("sensitive").asBoolean()).isTrue();
        assertThat(secret.get("value").asString()).isIn("***", "(unset)");
    }

    static JsonNode find(JsonNode list, String key) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.get("key").asString().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError(key + " not listed"));
    }
}
