package com.primejennie.dashboard.console.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import com.primejennie.dashboard.console.ConsoleProperties;

/** Each service's {@code /actuator/health} status, asked in parallel with the configured timeout. */
@Component
public class ServicesHealth {

    public record Service(String name, String url, String status, String detail) {
        public boolean up() {
            return "UP".equals(status);
        }
    }

    private final ConsoleProperties properties;
    private final HttpJson http;

    public ServicesHealth(ConsoleProperties properties) {
        this.properties = properties;
        this.http = new HttpJson(properties.httpTimeout());
    }

    public List<Service> check() {
        List<CompletableFuture<Service>> calls = new ArrayList<>();
        for (Map.Entry<String, String> e : properties.services().entrySet()) {
            calls.add(CompletableFuture.supplyAsync(() -> one(e.getKey(), e.getValue())));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private Service one(String name, String url) {
        try {
            HttpJson.Answer a = http.get(url);
            String status = a.body() == null ? "HTTP " + a.status() : a.body().path("status").asText("HTTP "
                    + a.status());
            return new Service(name, url, status, null);
        } catch (Exception e) {
            return new Service(name, url, "UNREACHABLE", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
