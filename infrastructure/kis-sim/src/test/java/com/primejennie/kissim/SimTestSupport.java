package com.primejennie.kissim;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.primejennie.shared.testing.RealServicesTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the simulator's HTTP tests: a real server on a random port, the simulator reset before every test to a
 * paused clock at {@link #START} (a Wednesday, 10:00 KST) with a fixed seed, a fresh app key and token per test (so
 * the token throttle and rate limit of one test never touch another), and KIS-shaped request helpers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServicesTest
public abstract class SimTestSupport {

    public static final String START = "2026-03-04T10:00:00+09:00";
    public static final long SEED = 42;
    public static final String PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price";
    public static final String ORDER = "/uapi/domestic-stock/v1/trading/order-cash";
    public static final String CANCEL = "/uapi/domestic-stock/v1/trading/order-rvsecncl";
    public static final String BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance";
    public static final String PSBL = "/uapi/domestic-stock/v1/trading/inquire-psbl-order";
    public static final String CCLD = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld";

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    protected String appKey;
    protected String token;
    protected String cano;

    @BeforeEach
    void resetSimulator() {
        admin("POST", "/admin/reset", Map.of("clock", START, "paused", true, "seed", SEED));
        appKey = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        cano = String.valueOf(50_000_000 + (int) (Math.random() * 40_000_000));
        token = issueToken(appKey).path("access_token").asString();
    }

    /** A new app key and token (after the clock moved past the token's 24 h, or to dodge the issue throttle). */
    protected void freshToken() {
        appKey = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        token = issueToken(appKey).path("access_token").asString();
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected JsonNode issueToken(String key) {
        return post("/oauth2/tokenP", Map.of("grant_type", "client_credentials", "appkey", key,
                "appsecret", "secret-" + key), Map.of()).json();
    }

    /** An answer: status and parsed body. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }

    protected Answer kisGet(String path, String trId, Map<String, String> query) {
        String qs = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path + (qs.isEmpty() ? "" : "?" + qs)))
                .timeout(Duration.ofSeconds(20)).GET();
        kisHeaders(b, trId);
        return send(b.build());
    }

    protected Answer kisPost(String path, String trId, Map<String, String> body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        kisHeaders(b, trId);
        return send(b.build());
    }

    private void kisHeaders(HttpRequest.Builder b, String trId) {
        b.header("content-type", "application/json; charset=utf-8").header("authorization", "Bearer " + token)
                .header("appkey", appKey).header("appsecret", "secret-" + appKey).header("tr_id", trId)
                .header("custtype", "P");
    }

    protected Answer post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(b::header);
        return send(b.build());
    }

    protected Answer admin(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json");
        String payload = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        if (body instanceof String) {
            b.setHeader("content-type", "text/csv");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(payload));
        Answer a = send(b.build());
        if (a.status() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + a.status() + " " + a.body());
        }
        return a;
    }

    protected Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // --- KIS calls as the suite's client makes them ---

    protected JsonNode currentPrice(String code) {
        return kisGet(PRICE, "FHKST01010100", Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code)).json();
    }

    protected long price(String code) {
        return Long.parseLong(currentPrice(code).path("output").path("stck_prpr").asString());
    }

    protected JsonNode order(String trId, String code, String ordDvsn, long qty, long price) {
        return kisPost(ORDER, trId, Map.of("CANO", cano, "ACNT_PRDT_CD", "01", "PDNO", code, "ORD_DVSN", ordDvsn,
                "ORD_QTY", String.valueOf(qty), "ORD_UNPR", String.valueOf(price))).json();
    }

    protected JsonNode balance() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("CANO", cano);
        q.put("ACNT_PRDT_CD", "01");
        q.put("AFHR_FLPR_YN", "N");
        q.put("OFL_YN", "");
        q.put("INQR_DVSN", "02");
        q.put("UNPR_DVSN", "01");
        q.put("FUND_STTL_ICLD_YN", "N");
        q.put("FNCG_AMT_AUTO_RDPT_YN", "N");
        q.put("PRCS_DVSN", "01");
        q.put("CTX_AREA_FK100", "");
        q.put("CTX_AREA_NK100", "");
        return kisGet(BALANCE, "VTTC8434R", q).json();
    }

    protected JsonNode dailyCcld(String odno) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("CANO", cano);
        q.put("ACNT_PRDT_CD", "01");
        q.put("INQR_STRT_DT", "20260304");
        q.put("INQR_END_DT", "20260304");
        q.put("SLL_BUY_DVSN_CD", "00");
        q.put("INQR_DVSN", "00");
        q.put("PDNO", "");
        q.put("CCLD_DVSN", "00");
        q.put("ORD_GNO_BRNO", "");
        q.put("ODNO", odno);
        q.put("INQR_DVSN_3", "00");
        q.put("INQR_DVSN_1", "");
        q.put("CTX_AREA_FK100", "");
        q.put("CTX_AREA_NK100", "");
        return kisGet(CCLD, "VTTC0081R", q).json();
    }

    protected void advance(String duration) {
        admin("POST", "/admin/clock", Map.of("advance", duration));
    }

    protected void script(String code, long... prices) {
        admin("POST", "/admin/prices/" + code, Map.of("path", java.util.Arrays.stream(prices).boxed().toList()));
    }

    protected static long num(JsonNode node, String field) {
        return Long.parseLong(node.path(field).asString("0").split("\\.")[0]);
    }
}
