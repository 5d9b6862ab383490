package com.primejennie.buyscanner;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.ArchitectureRules;
import com.primejennie.shared.testing.RealServicesTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.annotation.DirtiesContext
@RealServicesTest
class BuyScannerApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthReadinessAndMetricsAgainstRealRedisAndMariadb() {
        AppContract.assertOperable(port, "buy-scanner");
    }

    @Test
    void dependsOnNoOtherApp() {
        ArchitectureRules.assertAppIsIndependent("com.primejennie.buyscanner");
    }
}
