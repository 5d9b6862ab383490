package com.primejennie.newsarchiver;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.ArchitectureRules;
import com.primejennie.shared.testing.RealServicesTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jennie.news.store.lucene-path=target/app-test-news-index")
@RealServicesTest
class NewsArchiverApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthReadinessAndMetricsAgainstRealRedisAndMariadb() {
        AppContract.assertOperable(port, "news-archiver");
    }

    @Test
    void dependsOnNoOtherApp() {
        ArchitectureRules.assertAppIsIndependent("com.primejennie.newsarchiver");
    }
}
