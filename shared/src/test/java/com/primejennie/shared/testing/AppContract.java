package com.primejennie.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What every app of the suite must answer over HTTP (issue: foundation): {@code /actuator/health} UP with Redis and
 * MariaDB among its components, readiness UP, {@code /actuator/info}, and Prometheus metrics tagged with the app name.
 */
public final class AppContract {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppContract() {
    }

    public static void assertOperable(int port, String applicationName) {
        awaitReady(port, Duration.ofSeconds(90));
        HttpResponse<String> health = get(port, "/actuator/health");
        assertThat(health.statusCode()).as("health status code of %s", applicationName).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\"").contains("\"db\"");

        HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");

        assertThat(get(port, "/actuator/info").statusCode()).isEqualTo(200);

        HttpResponse<String> prometheus = get(port, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationName + "\"");
    }

    /**
     * Waits until readiness answers 200: an app is not ready until its background work (the schema migration) is
     * done, which takes a few seconds after the context has started.
     */
    public static void awaitReady(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (get(port, "/actuator/health/readiness").statusCode() != 200 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " on port " + port + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
