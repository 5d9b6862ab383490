package com.primejennie.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.ArchitectureRules;
import com.primejennie.shared.testing.RealServicesTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jennie.kis.enabled=false", "jennie.dashboard.auth.mode=proxy"})
@RealServicesTest
class DashboardBackendApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthReadinessAndMetricsAgainstRealRedisAndMariadb() {
        AppContract.assertOperable(port, "dashboard-backend");
    }

    @Test
    void dependsOnNoOtherApp() {
        ArchitectureRules.assertAppIsIndependent("com.primejennie.dashboard");
    }
}
