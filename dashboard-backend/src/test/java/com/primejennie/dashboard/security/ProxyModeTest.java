package com.primejennie.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.primejennie.dashboard.support.Api;
import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.RealServicesTest;

/**
 * {@code DASHBOARD_AUTH=proxy}: an authenticating reverse proxy stands in front (the Python deployment), so the old
 * front end, which sends no token, gets its data; the start log says so. No password configured here either: the
 * login stays refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jennie.kis.enabled=false", "jennie.dashboard.auth.mode=proxy", "jennie.dashboard.auth.password=",
        "jennie.dashboard.loki-url=", "jennie.dashboard.scheduler-url=http://127.0.0.1:9"})
@RealServicesTest
@ExtendWith(OutputCaptureExtension.class)
class ProxyModeTest {

    @LocalServerPort
    int port;

    @Test
    void dataEndpointsAnswerWithoutTokenAndTheLogSaysProxyMode(CapturedOutput output) {
        AppContract.awaitReady(port, Duration.ofSeconds(90));
        Api api = new Api(port, null);
        for (String path : new String[] {"/api/portfolio/summary", "/api/trades", "/api/config", "/api/system/streams",
                "/api/performance", "/v3/api-docs", "/actuator/prometheus"}) {
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(output.getAll()).contains("DASHBOARD_AUTH=proxy");
    }

    @Test
    void loginIsRefusedWithoutConfiguredPasswordAndTheLogSaysWhy(CapturedOutput output) {
        AppContract.awaitReady(port, Duration.ofSeconds(90));
        Api.Answer a = new Api(port, null).post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"\"}");
        assertThat(a.status()).isEqualTo(401);
        Api.Answer b = new Api(port, null).post("/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"admin\"}");
        assertThat(b.status()).isEqualTo(401);
        assertThat(output.getAll()).contains("no operator password is configured");
    }
}
