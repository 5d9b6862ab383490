package com.primejennie.shared.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.primejennie.shared.feed.FeedProperties;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisProperties;

/**
 * {@code SPRING_PROFILES_ACTIVE=mock|paper|real} alone chooses the KIS servers, trading mode, database, Redis database
 * and dry-run default; explicit variables and Spring properties still win; contradictions fail start-up.
 */
class TradingProfileEnvironmentTest {

    @TempDir
    Path dir;

    /** Runs both post-processors in Spring Boot's order over a simulated process environment. */
    private StandardEnvironment environment(String profile, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Map<String, Object> vars = new HashMap<>(variables);
        vars.putIfAbsent("SECRETS_FILE", dir.resolve("none.json").toString());
        environment.getPropertySources().addFirst(new MapPropertySource("simulatedEnvironment", vars));
        if (profile != null) {
            environment.setActiveProfiles(profile.split(","));
        }
        new TradingProfileEnvironment().postProcessEnvironment(environment, new SpringApplication());
        new PythonCompatibleEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private record Resolved(String mode, String restUrl, String webSocket, String database, String redisUrl,
                            String dryRunDefault, String appKey) {
    }

    private static Resolved resolve(StandardEnvironment env) {
        Binder binder = Binder.get(env);
        KisProperties kis = binder.bindOrCreate("jennie.kis", KisProperties.class);
        FeedProperties feed = binder.bindOrCreate("jennie.feed", FeedProperties.class);
        KisMode mode = KisMode.fromTradingMode(env.getProperty("jennie.trading-mode"));
        return new Resolved(env.getProperty("jennie.trading-mode"), kis.server(mode).baseUrl(),
                feed.websocketUri(mode == KisMode.REAL).toString(), env.getProperty("spring.datasource.url"),
                env.getProperty("spring.data.redis.url"), env.getProperty("jennie.trading.dry-run-default"),
                kis.server(mode).appKey());
    }

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("mock", new Resolved("MOCK", "http://127.0.0.1:9443", "ws://127.0.0.1:9443/",
                        "jdbc:mariadb://127.0.0.1:3306/jennie_mock", "redis://127.0.0.1:6379/1", "false",
                        "demo-app-key")),
                Arguments.of("paper", new Resolved("MOCK", KisProperties.PAPER_BASE_URL, FeedProperties.PAPER_WEBSOCKET,
                        "jdbc:mariadb://127.0.0.1:3306/jennie_db", "redis://127.0.0.1:6379", "false", "")),
                Arguments.of("real", new Resolved("REAL", KisProperties.REAL_BASE_URL, FeedProperties.REAL_WEBSOCKET,
                        "jdbc:mariadb://127.0.0.1:3306/jennie_db", "redis://127.0.0.1:6379", "true", "")),
                // No trading profile: what the suite did before profiles existed (paper servers, TRADING_MODE MOCK).
                Arguments.of(null, new Resolved("MOCK", KisProperties.PAPER_BASE_URL, FeedProperties.PAPER_WEBSOCKET,
                        "jdbc:mariadb://127.0.0.1:3306/jennie_db", "redis://127.0.0.1:6379", null, "")));
    }

    @ParameterizedTest(name = "profile {0}")
    @MethodSource("profiles")
    void eachProfileAloneResolvesItsServersModeAndStores(String profile, Resolved expected) {
        assertThat(resolve(environment(profile, Map.of()))).isEqualTo(expected);
    }

    @Test
    void mockProfileIgnoresTheSecretsFilesPaperKeysAndDatabase() throws Exception {
        Path secrets = dir.resolve("secrets.json");
        java.nio.file.Files.writeString(secrets, """
                {"kis-v-app-key":"paper-key","kis-v-account-no":"99999999","mariadb-dbname":"jennie_db"}""");
        StandardEnvironment env = environment("mock", Map.of("SECRETS_FILE", secrets.toString()));

        assertThat(resolve(env).appKey()).isEqualTo("demo-app-key");
        assertThat(env.getProperty("jennie.kis.paper.account-no")).isEqualTo("50012345");
        assertThat(env.getProperty("spring.datasource.url")).endsWith("/jennie_mock");
        // The same file still configures the paper profile.
        assertThat(resolve(environment("paper", Map.of("SECRETS_FILE", secrets.toString()))).appKey())
                .isEqualTo("paper-key");
    }

    static Stream<Arguments> mockOverrides() {
        return Stream.of(
                Arguments.of(Map.of("KIS_SIM_URL", "http://sim.local:19443"), "http://sim.local:19443",
                        "ws://sim.local:19443/", "jdbc:mariadb://127.0.0.1:3306/jennie_mock", "redis://127.0.0.1:6379/1"),
                Arguments.of(Map.of("KIS_BASE_URL_MOCK", "http://a:1", "KIS_WS_URL", "ws://b:2/"), "http://a:1",
                        "ws://b:2/", "jdbc:mariadb://127.0.0.1:3306/jennie_mock", "redis://127.0.0.1:6379/1"),
                Arguments.of(Map.of("MARIADB_DBNAME", "sim_db", "REDIS_URL", "redis://r:6380"), "http://127.0.0.1:9443",
                        "ws://127.0.0.1:9443/", "jdbc:mariadb://127.0.0.1:3306/sim_db", "redis://r:6380/1"),
                Arguments.of(Map.of("REDIS_URL", "redis://r:6380/7"), "http://127.0.0.1:9443",
                        "ws://127.0.0.1:9443/", "jdbc:mariadb://127.0.0.1:3306/jennie_mock", "redis://r:6380/7"),
                Arguments.of(Map.of("REDIS_DB", "4"), "http://127.0.0.1:9443",
                        "ws://127.0.0.1:9443/", "jdbc:mariadb://127.0.0.1:3306/jennie_mock", "redis://127.0.0.1:6379/4"),
                Arguments.of(Map.of("spring.data.redis.url", "redis://spring:1/0",
                                "spring.datasource.url", "jdbc:mariadb://x:3306/explicit",
                                "jennie.kis.paper.base-url", "http://explicit:9"), "http://explicit:9",
                        "ws://127.0.0.1:9443/", "jdbc:mariadb://x:3306/explicit", "redis://spring:1/0"));
    }

    @ParameterizedTest
    @MethodSource("mockOverrides")
    void explicitVariablesAndPropertiesStillWinInTheMockProfile(Map<String, Object> variables, String rest, String ws,
                                                                 String database, String redis) {
        Resolved resolved = resolve(environment("mock", variables));

        assertThat(resolved.restUrl()).isEqualTo(rest);
        assertThat(resolved.webSocket()).isEqualTo(ws);
        assertThat(resolved.database()).isEqualTo(database);
        assertThat(resolved.redisUrl()).isEqualTo(redis);
    }

    static Stream<Arguments> contradictions() {
        return Stream.of(Arguments.of("mock", "REAL"), Arguments.of("paper", "REAL"), Arguments.of("real", "MOCK"));
    }

    @ParameterizedTest(name = "profile {0} with TRADING_MODE={1}")
    @MethodSource("contradictions")
    void refusesAProfileThatContradictsTheTradingMode(String profile, String mode) {
        assertThatThrownBy(() -> environment(profile, Map.of("TRADING_MODE", mode)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("profile '" + profile + "'").hasMessageContaining(mode);
    }

    @Test
    void refusesTwoTradingProfilesAtOnce() {
        assertThatThrownBy(() -> environment("mock,real", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only one of");
    }

    @Test
    void otherProfilesAreLeftAlone() {
        assertThat(resolve(environment("dev", Map.of())).restUrl()).isEqualTo(KisProperties.PAPER_BASE_URL);
    }
}
