package com.primejennie.kissim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.primejennie.kissim.SimTestSupport;

import tools.jackson.databind.JsonNode;

/** Orders over real HTTP: fills, balance, today's orders and fills, partial fills, cancels, rejections. */
class KisOrdersTest extends SimTestSupport {

    @Test
    void marketBuyFillsAtTheCurrentPriceAndShowsInBalanceAndFills() {
        long px = price("005930");
        JsonNode answer = order("VTTC0012U", "005930", "01", 10, 0);
        assertThat(answer.path("rt_cd").asString()).isEqualTo("0");
        String odno = answer.path("output").path("ODNO").asString();
        assertThat(odno).matches("\\d{10}");
        assertThat(answer.path("output").path("KRX_FWDG_ORD_ORGNO").asString()).isNotBlank();
        assertThat(answer.path("output").path("ORD_TMD").asString()).isEqualTo("100000");

        JsonNode holdings = balance().path("output1");
        assertThat(holdings).hasSize(1);
        JsonNode h = holdings.get(0);
        assertThat(h.path("pdno").asString()).isEqualTo("005930");
        assertThat(h.path("prdt_name").asString()).isEqualTo("삼성전자");
        assertThat(num(h, "hldg_qty")).isEqualTo(10);
        assertThat(num(h, "pchs_avg_pric")).isEqualTo(px);
        assertThat(num(h, "prpr")).isEqualTo(px);

        JsonNode row = dailyCcld(odno).path("output1").get(0);
        assertThat(row.path("odno").asString()).isEqualTo(odno);
        assertThat(num(row, "tot_ccld_qty")).isEqualTo(10);
        assertThat(num(row, "rmn_qty")).isZero();
        assertThat(num(row, "avg_prvs")).isEqualTo(px);
        assertThat(num(row, "tot_ccld_amt")).isEqualTo(10 * px);
        assertThat(row.path("sll_buy_dvsn_cd").asString()).isEqualTo("02");

        JsonNode fills = admin("GET", "/admin/fills?cano=" + cano, null).json();
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).path("price").asLong()).isEqualTo(px);
        assertThat(fills.get(0).path("quantity").asLong()).isEqualTo(10);
    }

    @Test
    void buyCashSettlesTPlusTwoSoTheDepositStaysWhileD2CashAndOrderableCashDrop() {
        admin("PUT", "/admin/accounts/" + cano + "/cash", Map.of("cash", 10_000_000));
        long px = price("005930");
        order("VTTC0012U", "005930", "01", 10, 0);
        long cost = 10 * px + (long) Math.floor(10 * px * 0.00015);

        JsonNode sum = balance().path("output2").get(0);
        assertThat(num(sum, "dnca_tot_amt")).isEqualTo(10_000_000);
        assertThat(num(sum, "prvs_rcdl_excc_amt")).isEqualTo(10_000_000 - cost);
        assertThat(num(sum, "thdt_buy_amt")).isEqualTo(10 * px);
        assertThat(num(sum, "scts_evlu_amt")).isEqualTo(10 * px);

        JsonNode psbl = kisGet(PSBL, "VTTC8908R", Map.of("CANO", cano, "ACNT_PRDT_CD", "01", "PDNO", "005930",
                "ORD_UNPR", "0", "ORD_DVSN", "00", "CMA_EVLU_AMT_ICLD_YN", "Y", "OVRS_ICLD_YN", "N")).json();
        assertThat(num(psbl.path("output"), "ord_psbl_cash")).isEqualTo(10_000_000 - cost);

        advance("P2D"); // Friday: settled
        freshToken(); // the first one lived 24 h of market time
        assertThat(num(balance().path("output2").get(0), "dnca_tot_amt")).isEqualTo(10_000_000 - cost);
    }

    @Test
    void limitBuyFillsWhenTheScriptedPriceCrossesIt() {
        long px = price("005930");
        long limit = px - 500;
        JsonNode placed = order("VTTC0012U", "005930", "00", 5, limit);
        String odno = placed.path("output").path("ODNO").asString();
        assertThat(num(dailyCcld(odno).path("output1").get(0), "tot_ccld_qty")).isZero();

        script("005930", px - 200, px - 400, px - 600, px - 300);
        advance("PT2S");
        assertThat(num(dailyCcld(odno).path("output1").get(0), "tot_ccld_qty")).as("not crossed yet").isZero();
        advance("PT1S");
        JsonNode row = dailyCcld(odno).path("output1").get(0);
        assertThat(num(row, "tot_ccld_qty")).isEqualTo(5);
        assertThat(num(row, "rmn_qty")).isZero();
        assertThat(num(row, "avg_prvs")).isEqualTo(limit);
    }

    @Test
    void limitOrderFillsPartlyPerTradeWhenPartialFillsAreOnAndTheRestCanBeCancelled() {
        admin("PUT", "/admin/settings", Map.of("maxFillPerTrade", 3));
        long px = price("000660");
        long limit = px - 5 * 500;
        String odno = order("VTTC0012U", "000660", "00", 10, limit).path("output").path("ODNO").asString();
        script("000660", limit, limit - 500);
        advance("PT2S");
        JsonNode row = dailyCcld(odno).path("output1").get(0);
        assertThat(num(row, "tot_ccld_qty")).isEqualTo(6);
        assertThat(num(row, "rmn_qty")).isEqualTo(4);

        JsonNode cancel = kisPost(CANCEL, "VTTC0013U", Map.of("CANO", cano, "ACNT_PRDT_CD", "01",
                "KRX_FWDG_ORD_ORGNO", "", "ORGN_ODNO", odno, "ORD_DVSN", "00", "RVSE_CNCL_DVSN_CD", "02",
                "ORD_QTY", "0", "ORD_UNPR", "0", "QTY_ALL_ORD_YN", "Y")).json();
        assertThat(cancel.path("rt_cd").asString()).isEqualTo("0");
        assertThat(cancel.path("output").path("odno").asString()).matches("\\d{10}").isNotEqualTo(odno);

        script("000660", limit - 1000);
        advance("PT5S");
        JsonNode after = dailyCcld(odno).path("output1").get(0);
        assertThat(num(after, "tot_ccld_qty")).as("nothing fills after the cancel").isEqualTo(6);
        assertThat(num(after, "rmn_qty")).isZero();
        assertThat(num(after, "cnc_cfrm_qty")).isEqualTo(4);
        assertThat(num(balance().path("output1").get(0), "hldg_qty")).isEqualTo(6);
    }

    @Test
    void sellOfHoldingsFillsAndReducesThePosition() {
        admin("PUT", "/admin/accounts/" + cano + "/holdings/035420", Map.of("quantity", 20, "avgPrice", 200_000));
        JsonNode sell = order("VTTC0011U", "035420", "01", 8, 0);
        assertThat(sell.path("rt_cd").asString()).isEqualTo("0");
        assertThat(sell.path("msg1").asString()).isEqualTo("모의투자 매도주문이 완료 되었습니다.");
        JsonNode h = balance().path("output1").get(0);
        assertThat(num(h, "hldg_qty")).isEqualTo(12);
        assertThat(num(h, "thdt_sll_qty")).isEqualTo(8);
    }

    @Test
    void ordersBeyondCashOrHoldingsAreRejectedWithKisMessages() {
        admin("PUT", "/admin/accounts/" + cano + "/cash", Map.of("cash", 100_000));
        JsonNode buy = order("VTTC0012U", "005930", "00", 10, price("005930"));
        assertThat(buy.path("rt_cd").asString()).isEqualTo("1");
        assertThat(buy.path("msg_cd").asString()).isEqualTo("APBK0952");
        assertThat(buy.path("msg1").asString()).isEqualTo("주문가능금액을 초과 했습니다");

        JsonNode sell = order("VTTC0011U", "005930", "01", 1, 0);
        assertThat(sell.path("rt_cd").asString()).isEqualTo("1");
        assertThat(sell.path("msg1").asString()).contains("주문가능수량");

        JsonNode badTick = order("VTTC0012U", "005930", "00", 1, price("005930") + 1);
        assertThat(badTick.path("rt_cd").asString()).isEqualTo("1");
        assertThat(admin("GET", "/admin/orders?cano=" + cano, null).json()).isEmpty();
    }

    @Test
    void olderPostmanTrIdsWorkAsTheCurrentOnes() {
        JsonNode buy = order("TTTC0802U", "005930", "01", 1, 0);
        assertThat(buy.path("rt_cd").asString()).isEqualTo("0");
        assertThat(buy.path("msg1").asString()).isEqualTo("주문 전송 완료 되었습니다.");
        JsonNode sell = order("VTTC0801U", "005930", "01", 1, 0);
        assertThat(sell.path("rt_cd").asString()).isEqualTo("0");
        assertThat(balance().path("output1")).isEmpty();
    }

    @Test
    void ordersOutsideTradingHoursAreRefused() {
        admin("POST", "/admin/clock", Map.of("set", "2026-03-04T16:00:00+09:00"));
        JsonNode late = order("VTTC0012U", "005930", "01", 1, 0);
        assertThat(late.path("rt_cd").asString()).isEqualTo("1");
        assertThat(late.path("msg1").asString()).isEqualTo("장운영시간이 아닙니다");
    }
}
