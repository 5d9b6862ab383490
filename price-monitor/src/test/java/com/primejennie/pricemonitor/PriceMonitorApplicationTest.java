package com.primejennie.pricemonitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.ArchitectureRules;
import com.primejennie.shared.testing.RealServicesTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jennie.feed.enabled=false") // the feed against a stand-in KIS: feed.PriceMonitorFeedTest
@RealServicesTest
class PriceMonitorApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthReadinessAndMetricsAgainstRealRedisAndMariadb() {
        AppContract.assertOperable(port, "price-monitor");
    }

    @Test
    void healthShowsTheFeedSwitchedOff() {
        assertThat(AppContract.get(port, "/actuator/health").body())
                .contains("\"feed\"").contains("DISABLED");
    }

    @Test
    void dependsOnNoOtherApp() {
        ArchitectureRules.assertAppIsIndependent("com.primejennie.pricemonitor");
    }
}
