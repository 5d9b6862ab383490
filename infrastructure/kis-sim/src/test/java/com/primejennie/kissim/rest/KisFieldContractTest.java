package com.primejennie.kissim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.primejennie.kissim.SimTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Every endpoint answers with KIS's field names: each operation of KIS's own data dictionary
 * ({@code fixtures/kis/api.json}, copied to test resources) is called exactly as KIS's Postman collection (paper) calls
 * it — path, tr_id, query or body — and the answer must carry every response field KIS documents for it.
 * The Python mock answered only a handful of fields and 404 for psbl-order, daily-ccld and rvsecncl (§3.7).
 */
class KisFieldContractTest extends SimTestSupport {

    private JsonNode api;

    @BeforeEach
    void loadDictionary() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/kis/api.json")) {
            api = JSON.readTree(in);
        }
        admin("PUT", "/admin/accounts/" + cano + "/holdings/005930", Map.of("quantity", 10, "avgPrice", 70_000));
    }

    @Test
    void everyQuotationAnswersWithAllOfKisFields() {
        for (String op : new String[] {"inquire_price", "inquire_daily_itemchartprice", "inquire_daily_price",
                "inquire_investor", "inquire_time_itemchartprice"}) {
            JsonNode answer = callAsPostman(op, Map.of("fid_input_date_1", "20251001", "fid_input_date_2", "20260304",
                    "FID_INPUT_HOUR_1", "100000"));
            assertOk(op, answer);
            assertCarriesEveryField(op, answer);
        }
    }

    @Test
    void everyDataJobOperationAnswersWithAllOfKisFields() {
        // called as KisClient calls them (KIS's Postman collection has no paper request for any of these)
        Map<String, String> stock = Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930",
                "FID_DIV_CLS_CODE", "1");
        Map<String, Object[]> calls = new LinkedHashMap<>();
        calls.put("market_cap", new Object[] {"/uapi/domestic-stock/v1/ranking/market-cap", "FHPST01740000",
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_COND_SCR_DIV_CODE", "20174", "FID_INPUT_ISCD", "0000")});
        calls.put("volume_rank", new Object[] {"/uapi/domestic-stock/v1/quotations/volume-rank", "FHPST01710000",
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_COND_SCR_DIV_CODE", "20171", "FID_INPUT_ISCD", "0000")});
        calls.put("finance_financial_ratio", new Object[] {"/uapi/domestic-stock/v1/finance/financial-ratio",
                "FHKST66430300", stock});
        calls.put("finance_growth_ratio", new Object[] {"/uapi/domestic-stock/v1/finance/growth-ratio",
                "FHKST66430800", stock});
        calls.put("finance_income_statement", new Object[] {"/uapi/domestic-stock/v1/finance/income-statement",
                "FHKST66430200", stock});
        calls.put("inquire_daily_indexchartprice", new Object[] {
                "/uapi/domestic-stock/v1/quotations/inquire-daily-indexchartprice", "FHKUP03500100",
                Map.of("FID_COND_MRKT_DIV_CODE", "U", "FID_INPUT_ISCD", "0001", "FID_INPUT_DATE_1", "20260101",
                        "FID_INPUT_DATE_2", "20260304", "FID_PERIOD_DIV_CODE", "D")});
        calls.put("foreign_institution_total", new Object[] {
                "/uapi/domestic-stock/v1/quotations/foreign-institution-total", "FHPTJ04400000",
                Map.of("FID_COND_MRKT_DIV_CODE", "V", "FID_COND_SCR_DIV_CODE", "16449", "FID_INPUT_ISCD", "0000")});
        calls.forEach((op, call) -> {
            @SuppressWarnings("unchecked")
            Map<String, String> query = (Map<String, String>) call[2];
            Answer answer = kisGet((String) call[0], (String) call[1], query);
            assertThat(answer.status()).as(op + ": " + answer.body()).isEqualTo(200);
            assertOk(op, answer.json());
            assertCarriesEveryField(op, answer.json());
        });
    }

    @Test
    void everyAccountInquiryAnswersWithAllOfKisFields() {
        order("VTTC0012U", "000660", "01", 1, 0);
        for (String op : new String[] {"inquire_balance", "inquire_psbl_order", "inquire_daily_ccld"}) {
            JsonNode answer = callAsPostman(op, Map.of("INQR_STRT_DT", "20260304", "INQR_END_DT", "20260304",
                    "PDNO", "000660"));
            assertOk(op, answer);
            assertCarriesEveryField(op, answer);
        }
    }

    @Test
    void ordersAndCancelsAnswerWithKisFields() {
        JsonNode placed = callAsPostman("order_cash", Map.of("ORD_UNPR", String.valueOf(price("005930") - 1000)));
        assertOk("order_cash", placed);
        assertCarriesEveryField("order_cash", placed);
        JsonNode cancelled = callAsPostman("order_rvsecncl",
                Map.of("ORGN_ODNO", placed.path("output").path("ODNO").asString()));
        assertOk("order_rvsecncl", cancelled);
        assertCarriesEveryField("order_rvsecncl", cancelled);
    }

    @Test
    void tokenAndApprovalAnswerWithKisFields() {
        JsonNode token = issueToken("another-" + appKey);
        assertThat(token.has("access_token")).isTrue();
        assertThat(token.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(86_400);
        assertThat(token.path("access_token_token_expired").asString()).isEqualTo("2026-03-05 10:00:00");
        JsonNode approval = post("/oauth2/Approval", Map.of("grant_type", "client_credentials", "appkey", appKey,
                "secretkey", "s"), Map.of()).json();
        assertThat(approval.path("approval_key").asString()).isNotBlank();
    }

    private JsonNode callAsPostman(String op, Map<String, String> overrides) {
        JsonNode req = api.path("operations").path(op).path("postman_paper");
        if (req.isNull() || req.isMissingNode()) {
            req = api.path("operations").path(op).path("postman_real");
        }
        String path = req.path("url").asString().replaceFirst("^\\{\\{[A-Z]+}}", "").split("\\?")[0];
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode source = req.path("method").asString().equals("GET") ? req.path("query") : req.path("body");
        for (Map.Entry<String, JsonNode> e : source.properties()) {
            String v = e.getValue().isNull() ? "" : e.getValue().asString();
            fields.put(e.getKey(), v.startsWith("{{CANO") ? cano : v);
        }
        overrides.forEach((k, v) -> {
            fields.keySet().stream().filter(k::equalsIgnoreCase).findFirst().ifPresentOrElse(
                    key -> fields.put(key, v), () -> { });
        });
        String trId = req.path("tr_id").asString();
        return req.path("method").asString().equals("GET") ? kisGet(path, trId, fields).json()
                : kisPost(path, trId, fields).json();
    }

    private static void assertOk(String op, JsonNode answer) {
        assertThat(answer.path("rt_cd").asString()).as(op + ": " + answer).isEqualTo("0");
        assertThat(answer.path("msg_cd").asString()).as(op).isNotBlank();
        assertThat(answer.path("msg1").asString()).as(op).isNotBlank();
    }

    private void assertCarriesEveryField(String op, JsonNode answer) {
        Set<String> present = new HashSet<>();
        collect(answer, present);
        Set<String> documented = new HashSet<>();
        api.path("operations").path(op).path("response_fields").path("COLUMN_MAPPING").propertyNames()
                .forEach(documented::add);
        assertThat(documented).as(op).isNotEmpty();
        assertThat(present).as(op + " answer " + answer).containsAll(documented);
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                keys.add(e.getKey());
                collect(e.getValue(), keys);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, keys));
        }
    }
}
