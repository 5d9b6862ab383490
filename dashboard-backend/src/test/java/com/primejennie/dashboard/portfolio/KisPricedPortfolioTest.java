package com.primejennie.dashboard.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.primejennie.dashboard.support.Api;
import com.primejennie.shared.kis.FakeKis;
import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.RealServicesTest;

import tools.jackson.databind.JsonNode;

/**
 * With KIS configured (a fake KIS over real HTTP): a holding missing from {@code prices:realtime} is priced by a KIS
 * quote, and the summary's cash is the account's deposit from inquire-balance (spec §2.4 "Portfolio").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jennie.kis.enabled=true", "jennie.trading-mode=MOCK", "jennie.dashboard.auth.mode=proxy",
        "jennie.kis.paper.app-key=test-key", "jennie.kis.paper.app-secret=test-secret",
        "jennie.kis.paper.account-no=50012345", "jennie.kis.paper.account-suffix=01"})
@RealServicesTest
class KisPricedPortfolioTest {

    static final FakeKis KIS = start();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;

    @DynamicPropertySource
    static void kis(DynamicPropertyRegistry registry) {
        registry.add("jennie.kis.paper.base-url", KIS::url);
    }

    @AfterAll
    static void stop() throws IOException {
        KIS.close();
    }

    @Test
    void pricesMissingQuotesFromKisAndReportsTheCashDeposit() {
        AppContract.awaitReady(port, Duration.ofSeconds(90));
        jdbc.sql("DELETE FROM ACTIVE_PORTFOLIO_MOCK").update();
        jdbc.sql("INSERT INTO ACTIVE_PORTFOLIO_MOCK (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                + "TOTAL_BUY_AMOUNT) VALUES ('005930', '삼성전자', 10, 70000, 700000), "
                + "('000660', 'SK하이닉스', 2, 100000, 200000)").update();
        redis.opsForHash().put("prices:realtime", "005930", "77000");
        KIS.always(FakeKis.PRICE, FakeKis.price(130_000));
        KIS.always(FakeKis.BALANCE, FakeKis.ok("""
                {"ctx_area_fk100":"","ctx_area_nk100":"","output1":[],
                 "output2":[{"dnca_tot_amt":"9295000","scts_evlu_amt":"0","tot_evlu_amt":"9295000",
                  "evlu_pfls_smtl_amt":"0"}],"rt_cd":"0","msg_cd":"KIOK0510","msg1":"조회가 완료되었습니다"}"""));

        Api api = new Api(port, null);
        JsonNode summary = api.get("/api/portfolio/summary").json();
        assertThat(summary.get("cash_balance").asLong()).isEqualTo(9_295_000);
        assertThat(summary.get("total_invested").asLong()).isEqualTo(900_000);
        assertThat(summary.get("total_value").asLong()).isEqualTo(770_000 + 260_000 + 9_295_000);
        assertThat(summary.get("total_profit").asLong()).isEqualTo(130_000);
        JsonNode hynix = api.get("/api/portfolio/positions").json().get(0);
        assertThat(hynix.get("stock_code").asString()).isEqualTo("000660");
        assertThat(hynix.get("current_price").asLong()).isEqualTo(130_000);
        assertThat(KIS.requests(FakeKis.PRICE)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getRequestUrl().queryParameter("FID_INPUT_ISCD")).isEqualTo("000660"));
    }

    private static FakeKis start() {
        try {
            return new FakeKis();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
