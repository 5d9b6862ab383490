package com.primejennie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.testing.RealServices;

/**
 * Issue 11, "the mock profile alone makes price-monitor stream kis-sim's ticks": kis-sim and price-monitor start as
 * two Spring Boot applications (their own main classes, their own contexts) with nothing but
 * {@code spring.profiles.active=mock} and the test harness's Redis and database. price-monitor then finds kis-sim on
 * {@code 127.0.0.1:9443} (REST for the approval key, WebSocket for ticks) with the demo account, subscribes the hot
 * watchlist and streams ticks to {@code kis:prices}.
 *
 * <p>Port 9443 may be held by another build on a shared machine; then kis-sim takes a free port and price-monitor is
 * given {@code KIS_SIM_URL} (the profile's one documented override), and the test says so.
 */
class MockProfilePriceFeedTest {

    /*
     * The apps' main classes by name: after `package` an app's artifact is its Spring Boot fat jar, whose classes the
     * compiler cannot see; Surefire puts their target/classes on the test classpath (see pom.xml and README.md).
     */
    private static final String KIS_SIM = "com.primejennie.kissim.KisSimApplication";
    private static final String PRICE_MONITOR = "com.primejennie.pricemonitor.PriceMonitorApplication";
    private static final int DEFAULT_SIM_PORT = 9443;
    private static final List<String> CODES = List.of("005930", "000660");

    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopApps() {
        // price-monitor first, so its feed does not reconnect to a simulator that is going away
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
    }

    /** The harness's stores, given the way an operator gives them: as explicit Spring properties. */
    private static List<String> harnessStores() {
        var redis = RealServices.redis();
        var db = RealServices.database();
        return List.of("--spring.data.redis.url=" + redis.url(), "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password());
    }

    private ConfigurableApplicationContext start(String mainClass, List<String> args) throws ClassNotFoundException {
        Class<?> app = Class.forName(mainClass);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app).run(args.toArray(String[]::new));
        apps.add(context);
        return context;
    }

    @Test
    void mockProfileAloneMakesPriceMonitorStreamKisSimTicks() throws Exception {
        int simPort = portFree(DEFAULT_SIM_PORT) ? DEFAULT_SIM_PORT : freePort();
        if (simPort != DEFAULT_SIM_PORT) {
            System.err.println("port " + DEFAULT_SIM_PORT + " is busy; kis-sim on " + simPort + ", price-monitor "
                    + "given KIS_SIM_URL");
        }

        List<String> simArgs = new ArrayList<>(List.of("--spring.profiles.active=mock", "--server.port=" + simPort,
                "--spring.application.name=kis-sim"));
        simArgs.addAll(harnessStores());
        start(KIS_SIM, simArgs);
        // kis-sim's market: a Wednesday 10:00 KST, running in real time (one trade per second per code).
        admin(simPort, "/admin/reset", "{\"clock\":\"2026-03-04T10:00:00+09:00\",\"paused\":false,\"seed\":42}");

        StringRedisTemplate redis = null;
        List<String> monitorArgs = new ArrayList<>(List.of("--spring.profiles.active=mock", "--server.port=0",
                "--spring.application.name=price-monitor"));
        monitorArgs.addAll(harnessStores());
        if (simPort != DEFAULT_SIM_PORT) {
            monitorArgs.add("--KIS_SIM_URL=http://127.0.0.1:" + simPort);
        }

        // The hot watchlist scout-job would publish, before price-monitor plans its subscriptions.
        ConfigurableApplicationContext sim = apps.get(0);
        redis = sim.getBean(StringRedisTemplate.class);
        redis.delete("kis:prices");
        String versionKey = "hot_watchlist:v1772586000";
        redis.opsForValue().set(versionKey, "{\"generated_at\":\"2026-03-04T00:00:00+00:00\",\"market_regime\":"
                + "\"BULL\",\"stocks\":[{\"code\":\"005930\",\"name\":\"삼성전자\",\"rank\":1},"
                + "{\"code\":\"000660\",\"name\":\"SK하이닉스\",\"rank\":2}]}");
        redis.opsForValue().set("hot_watchlist:active", versionKey);

        ConfigurableApplicationContext monitor = start(PRICE_MONITOR, monitorArgs);

        // What the profile resolved, in price-monitor's own environment.
        var env = monitor.getEnvironment();
        assertThat(env.getProperty("jennie.trading-mode")).isEqualTo("MOCK");
        assertThat(env.getProperty("jennie.kis.paper.base-url")).isEqualTo("http://127.0.0.1:" + simPort);
        assertThat(env.getProperty("jennie.feed.websocket-url")).isEqualTo("ws://127.0.0.1:" + simPort + "/");
        assertThat(env.getProperty("jennie.kis.paper.app-key")).isEqualTo("demo-app-key");
        assertThat(env.getProperty("jennie.kis.paper.account-no")).isEqualTo("50012345");

        Set<String> seen = new TreeSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!seen.containsAll(CODES) && System.nanoTime() < deadline) {
            for (MapRecord<String, Object, Object> tick : redis.opsForStream().range("kis:prices", Range.unbounded())) {
                Object code = tick.getValue().get("code");
                if (code != null && Double.parseDouble(String.valueOf(tick.getValue().get("price"))) > 0) {
                    seen.add(String.valueOf(code));
                }
            }
            Thread.sleep(250);
        }
        assertThat(seen).as("codes with ticks on kis:prices").containsAll(CODES);

        int monitorPort = ((WebServerApplicationContext) monitor).getWebServer().getPort();
        String health = get(monitorPort, "/actuator/health");
        assertThat(health).contains("\"feed\"").contains("\"state\":\"CONNECTED\"");
    }

    private void admin(int port, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(180)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isBetween(200, 299);
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
