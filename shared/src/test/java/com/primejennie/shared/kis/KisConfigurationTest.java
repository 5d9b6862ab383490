package com.primejennie.shared.kis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import com.primejennie.shared.broker.Broker;
import com.primejennie.shared.testing.RealServices;

/** Settings come from the Python suite's names and secrets; defaults live in KisProperties; beans wire up. */
class KisConfigurationTest {

    @Test
    void defaultsAreKisServersAndTheDocumentedBudgets() {
        KisProperties props = KisProperties.defaults();

        assertThat(props.real().baseUrl()).isEqualTo("https://openapi.koreainvestment.com:9443");
        assertThat(props.paper().baseUrl()).isEqualTo("https://openapivts.koreainvestment.com:29443");
        assertThat(props.real().requestsPerSecond()).isEqualTo(19);
        assertThat(props.paper().requestsPerSecond()).isEqualTo(2);
        assertThat(props.real().accountSuffix()).isEqualTo("01");
        assertThat(props.real().effectiveTrIds(KisMode.REAL)).containsEntry(KisOperation.BUY, "TTTC0012U")
                .containsEntry(KisOperation.SELL, "TTTC0011U").containsEntry(KisOperation.CANCEL, "TTTC0013U")
                .containsEntry(KisOperation.DAILY_ORDERS, "TTTC0081R");
        assertThat(props.paper().effectiveTrIds(KisMode.PAPER)).containsEntry(KisOperation.BUY, "VTTC0012U")
                .containsEntry(KisOperation.SELL, "VTTC0011U").containsEntry(KisOperation.CANCEL, "VTTC0013U")
                .containsEntry(KisOperation.BALANCE, "VTTC8434R");
    }

    @Test
    void pythonSecretsAndVariablesMapOntoTheProperties() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("pythonEnv", Map.of(
                "secrets.kis-r-app-key", "real-key", "secrets.kis-r-app-secret", "real-secret",
                "secrets.kis-r-account-no", "12345678", "secrets.kis-v-app-key", "paper-key",
                "KIS_BASE_URL_MOCK", "http://localhost:9443", "KIS_ACCOUNT_SUFFIX", "02")));
        env.getPropertySources().addLast(new PropertiesPropertySource("jennieDefaults",
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("jennie-defaults.properties"))));

        KisProperties props = Binder.get(env).bind("jennie.kis", KisProperties.class).get();

        assertThat(props.real().appKey()).isEqualTo("real-key");
        assertThat(props.real().appSecret()).isEqualTo("real-secret");
        assertThat(props.real().accountNo()).isEqualTo("12345678");
        assertThat(props.real().accountSuffix()).isEqualTo("02");
        assertThat(props.real().baseUrl()).isEqualTo(KisProperties.REAL_BASE_URL);
        assertThat(props.paper().appKey()).isEqualTo("paper-key");
        assertThat(props.paper().baseUrl()).isEqualTo("http://localhost:9443");
        assertThat(props.paper().requestsPerSecond()).isEqualTo(2);
    }

    @Test
    void autoConfigurationBuildsClientWithoutBrokerForTheTradingModeWithConfiguredTrIdsAndBudget() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class,
                        KisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.url=" + RealServices.redis().url(),
                        "jennie.trading-mode=REAL", "jennie.kis.real.app-key=k", "jennie.kis.real.requests-per-second=7",
                        "jennie.kis.real.tr-ids.BUY=TTTC0802U")
                .run(context -> {
                    assertThat(context).hasSingleBean(KisClient.class).doesNotHaveBean(Broker.class); // opt-in: jennie.orders.enabled
                    KisComponents components = context.getBean(KisComponents.class);
                    assertThat(components.mode()).isEqualTo(KisMode.REAL);
                    assertThat(components.limiter().requestsPerSecond()).isEqualTo(7);
                    assertThat(components.transport().server().trId(KisMode.REAL, KisOperation.BUY))
                            .isEqualTo("TTTC0802U");
                });
    }

    @Test
    void autoConfigurationStepsAsideWhenDisabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class,
                        KisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.url=" + RealServices.redis().url(), "jennie.kis.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KisClient.class));
    }
}
