package com.primejennie.commandhandler.safety;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

/**
 * The buy-executor's {@code POST /reconcile/adopt} ({@code {"code","operator"}}, header {@code X-Internal-Token}):
 * the bot never writes ACTIVE_PORTFOLIO itself, it asks the service that owns the order service to adopt the broker's
 * holding.
 */
public class BuyExecutorClient {

    /** The answer: adopted (with quantities) or why not. */
    public record AdoptAnswer(boolean ok, String code, long previousQuantity, long adoptedQuantity, String error) {
    }

    private final RestClient rest;
    private final String token;

    public BuyExecutorClient(URI baseUrl, String token) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(30));
        this.rest = RestClient.builder().requestFactory(factory).baseUrl(baseUrl.toString())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        this.token = token == null ? "" : token;
    }

    public AdoptAnswer adopt(String code, String operator) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("operator", operator);
        try {
            var response = rest.post().uri("/reconcile/adopt").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Internal-Token", token).body(WireJson.mapper().writeValueAsString(body)).retrieve()
                    .toEntity(String.class);
            String raw = response.getBody() == null ? "" : response.getBody();
            if (!response.getStatusCode().is2xxSuccessful()) {
                String reason = raw;
                try {
                    reason = WireJson.mapper().readTree(raw).path("reason").asString(raw);
                } catch (RuntimeException ignored) {
                    // keep the raw body
                }
                return new AdoptAnswer(false, code, 0, 0, "HTTP " + response.getStatusCode().value() + " " + reason);
            }
            JsonNode n = WireJson.mapper().readTree(raw);
            return new AdoptAnswer(true, code, n.path("previousQuantity").asLong(0),
                    n.path("adoptedQuantity").asLong(0), null);
        } catch (RuntimeException e) {
            return new AdoptAnswer(false, code, 0, 0, e.getMessage());
        }
    }
}
