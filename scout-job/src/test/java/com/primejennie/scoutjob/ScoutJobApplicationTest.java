package com.primejennie.scoutjob;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.ArchitectureRules;
import com.primejennie.shared.testing.RealServicesTest;

// The scout worker is off here: this cached context would otherwise consume the scout integration test's job messages.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "jennie.scout.worker-enabled=false")
@RealServicesTest
class ScoutJobApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthReadinessAndMetricsAgainstRealRedisAndMariadb() {
        AppContract.assertOperable(port, "scout-job");
    }

    @Test
    void dependsOnNoOtherApp() {
        ArchitectureRules.assertAppIsIndependent("com.primejennie.scoutjob");
    }
}
