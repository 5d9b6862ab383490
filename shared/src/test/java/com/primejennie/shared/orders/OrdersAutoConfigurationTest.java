package com.primejennie.shared.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.primejennie.shared.broker.Broker;
import com.primejennie.shared.kis.KisAutoConfiguration;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.testing.RealServices;

/**
 * The order service and the Broker are opt-in ({@code jennie.orders.enabled=true}: buy-executor, sell-executor,
 * command-handler); the read-only safety view is there for every app with Redis.
 */
class OrdersAutoConfigurationTest {

    private ApplicationContextRunner runner() {
        var db = RealServices.database();
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class,
                        org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
                        KisAutoConfiguration.class, OrderSafetyViewAutoConfiguration.class,
                        OrdersAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.url=" + RealServices.redis().url(),
                        "spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "jennie.trading-mode=MOCK",
                        "jennie.kis.paper.account-no=50012345", "jennie.orders.settler-enabled=false");
    }

    @Test
    void orderServiceAndBrokerExistOnlyWhenEnabled() {
        runner().withPropertyValues("jennie.orders.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(OrderService.class).hasSingleBean(Broker.class)
                    .hasSingleBean(OrderSafetyView.class);
            assertThat(context.getBean(KisOrderService.class).scope())
                    .isEqualTo(new OrderScope("MOCK", "50012345"));
        });
        runner().run(context -> assertThat(context).hasSingleBean(KisClient.class)
                .doesNotHaveBean(OrderService.class).doesNotHaveBean(Broker.class)
                .hasSingleBean(OrderSafetyView.class));
    }
}
