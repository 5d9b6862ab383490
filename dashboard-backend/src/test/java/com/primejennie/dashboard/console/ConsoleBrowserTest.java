package com.primejennie.dashboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.testing.RealServicesTest;

/**
 * The web console in a real headless Chromium against the running app with real MariaDB and Redis: login, every page
 * with the fixture data, the pause switch, the live feed, settings validation, and screenshots of every page at
 * desktop and phone widths under {@code target/console-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jennie.dashboard.auth.username=operator",
        "jennie.dashboard.auth.password=" + ConsoleBrowserTest.PASSWORD,
        "jennie.clock.start=2026-03-04T10:00:00+09:00",
        "jennie.kis.paper.account-no=" + ConsoleFixtures.ACCOUNT,
        "jennie.dashboard.services.buy-scanner=http://127.0.0.1:1/actuator/health",
        "jennie.dashboard.http-timeout=500ms"})
@RealServicesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String PASSWORD = "console-test-pw-7f3a";
    static final Path SHOTS = Path.of("target", "console-screenshots");

    static final FakeScheduler SCHEDULER = startScheduler();

    static FakeScheduler startScheduler() {
        try {
            return new FakeScheduler();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void clockAndScheduler(DynamicPropertyRegistry registry) {
        // A fixed simulation anchored now: the pages show 2026-03-04 10:00 KST (a trading day) whatever the real hour.
        registry.add("jennie.clock.anchor", () -> Instant.now().toString());
        registry.add("jennie.dashboard.scheduler-url", SCHEDULER::url);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    SchemaMigrator schema;

    Chromium chromium;
    ChromeDriver driver;

    @BeforeAll
    void start() throws Exception {
        assertThat(schema.awaitMigrated(Duration.ofSeconds(90))).as("schema migrated").isTrue();
        ConsoleFixtures.write(dataSource, redis);
        redis.delete(List.of("trading:pause", "trading:stop", "trading:dryrun"));
        chromium = new Chromium();
        driver = chromium.driver;
    }

    @AfterAll
    void stop() throws Exception {
        SCHEDULER.close();
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    void login(String user, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    @Test
    @Order(1)
    void refusesLoginWithWrongPasswordAndKeepsPagesClosed() {
        driver.get(url("/console"));
        assertThat(driver.getCurrentUrl()).contains("/login");
        login("operator", "wrong-password");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(driver.getCurrentUrl()).contains("/login?error");
        assertThat(text("#login-error")).isEqualTo("아이디 또는 비밀번호가 올바르지 않습니다.");
        driver.get(url("/console/settings"));
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    @Test
    @Order(2)
    void overviewShowsPositionProfitRealizedTodayAndCashInKrw() {
        login("operator", PASSWORD);
        await().until(ExpectedConditions.urlContains("/console"));
        assertThat(text("#trading-mode")).isEqualTo("MOCK");
        assertThat(text("#pos-005930")).contains(ConsoleFixtures.HELD_NAME);
        assertThat(text("#pos-005930 .pl")).isEqualTo(ConsoleFixtures.HELD_PL);
        assertThat(text("#pos-005930")).contains("+10.00%").contains("77,000");
        assertThat(driver.findElement(By.cssSelector("#pos-005930 .pl")).getAttribute("class")).contains("up");
        assertThat(driver.findElement(By.cssSelector("#pos-035720 .pl")).getAttribute("class")).contains("down");
        assertThat(text("#realized-today")).isEqualTo(ConsoleFixtures.REALIZED + "원");
        assertThat(text("#cash")).isEqualTo(ConsoleFixtures.CASH + "원");
        assertThat(text("#phase")).isEqualTo("정규장");
        assertThat(text("#flag-pause")).isEqualTo("꺼짐");
        assertThat(text("#halts")).contains("000660").contains(ConsoleFixtures.HALT_REASON);
        assertThat(text("#recon")).contains("035720").contains("15").contains("20");
    }

    @Test
    @Order(3)
    void tradesPageShowsTheKnownTradeAndThePartialFill() {
        driver.get(url("/console/trades?from=2026-03-01&to=2026-03-04"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#trades tbody tr"));
        assertThat(rows).hasSize(4);
        WebElement sell = rows.get(0);
        assertThat(sell.getText()).contains(ConsoleFixtures.TRADED_NAME).contains("매도")
                .contains(ConsoleFixtures.SELL_PRICE).contains(ConsoleFixtures.REALIZED);
        assertThat(text("#orders")).contains("부분 체결").contains("5 / 10").contains("3@180,000")
                .contains("2@180,000");
        driver.get(url("/console/trades?from=2026-03-01&to=2026-03-04&code=005930"));
        assertThat(driver.findElements(By.cssSelector("#trades tbody tr"))).hasSize(1);
    }

    @Test
    @Order(4)
    void performancePageShowsFiguresOfThePeriod() {
        driver.get(url("/console/performance?preset=month"));
        assertThat(text("#net-profit")).isEqualTo("+33,123원");
        assertThat(text("#win-rate")).isEqualTo("50%");
        assertThat(text("#profit-factor")).isEqualTo("3.21");
        assertThat(text("#mdd")).isEqualTo("-0.01%");
        assertThat(text("#by-stock")).contains(ConsoleFixtures.TRADED_NAME).contains("+33,123");
        assertThat(driver.findElements(By.cssSelector("#curve canvas"))).isNotEmpty();
    }

    @Test
    @Order(5)
    void stockPageShowsCandlesMarkersSnapshotAndSignals() {
        driver.get(url("/console/stock/000660?tf=1d"));
        assertThat(text("#stock-name")).isEqualTo(ConsoleFixtures.TRADED_NAME);
        assertThat(driver.findElements(By.cssSelector("#candles canvas"))).isNotEmpty();
        assertThat(text("#marker-count")).endsWith(": 3");
        assertThat(text("#snapshot")).contains("\"rsi\":41.2");
        assertThat(text("#signals")).contains("5/20 골든크로스").contains("180,000");
        driver.get(url("/console/stock/000660?tf=5m"));
        assertThat(driver.findElements(By.cssSelector("#candles canvas"))).isNotEmpty();
        assertThat(text("#marker-count")).endsWith(": 2");
    }

    @Test
    @Order(6)
    void scoutPageShowsProgressAndWatchlist() {
        driver.get(url("/console/scout"));
        assertThat(text("#scout-status")).isEqualTo("running");
        assertThat(text("#watchlist")).contains("삼성전자").contains("84.1").contains("HBM 수요 회복");
    }

    @Test
    @Order(7)
    void systemPageShowsDeadLetterCountAndEntries() {
        driver.get(url("/console/system"));
        WebElement dead = driver.findElement(By.cssSelector("#stream-stream-buy-signals .dead"));
        assertThat(dead.getText()).isEqualTo(String.valueOf(ConsoleFixtures.DEAD_LETTERS));
        assertThat(text("#stream-stream-buy-signals")).contains("group_buy_executor");
        assertThat(text("#llm")).contains("scout-job").contains("42").contains("120,000");
        assertThat(text("#jobs")).contains("scout-job").contains("20 8 * * 1-5").contains("daily-briefing");
        dead.click();
        await().until(d -> d.findElements(By.cssSelector(".dead-letters tbody tr")).size()
                == ConsoleFixtures.DEAD_LETTERS);
        assertThat(text(".dead-letters")).contains(ConsoleFixtures.DEAD_REASON).contains("10.9 is not a whole number");
    }

    @Test
    @Order(8)
    void schedulerJobsArePausedAndRunThroughSchedulerService() {
        driver.get(url("/console/system"));
        driver.findElement(By.id("job-scout-job-pause")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        driver.findElement(By.id("job-daily-briefing-resume")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        driver.findElement(By.id("job-scout-job-run")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(SCHEDULER.posts).containsExactly("/jobs/scout-job/pause", "/jobs/daily-briefing/resume",
                "/jobs/scout-job/run");
    }

    @Test
    @Order(8)
    void pausingFromTheOverviewSetsTradingPause() {
        driver.get(url("/console"));
        driver.findElement(By.id("toggle-pause")).click();
        await().until(ExpectedConditions.textToBe(By.id("flag-pause"), "켜짐"));
        String stored = redis.opsForValue().get("trading:pause");
        assertThat(stored).contains("\"value\":true").contains("web console (operator)");
    }

    @Test
    @Order(9)
    void emergencyStopAsksForConfirmationAndNothingIsSetWhenDismissed() {
        driver.get(url("/console"));
        driver.findElement(By.id("toggle-stop")).click();
        await().until(ExpectedConditions.alertIsPresent());
        assertThat(driver.switchTo().alert().getText()).contains("긴급정지하시겠습니까");
        driver.switchTo().alert().dismiss();
        assertThat(redis.opsForValue().get("trading:stop")).isNull();
        assertThat(text("#flag-stop")).isEqualTo("꺼짐");
    }

    @Test
    @Order(10)
    void messagePublishedOnDashboardStreamAppearsInTheLiveFeed() {
        driver.get(url("/console"));
        String marker = "feed-check-" + System.nanoTime();
        String message = "{\"type\":\"buy_signal\",\"data\":{\"stock_code\":\"000660\",\"stock_name\":\"SK하이닉스\","
                + "\"price\":190500,\"reason\":\"" + marker + "\"}}";
        // The page subscribes asynchronously: publish until the browser has shown it (each publish is one event).
        boolean seen = false;
        for (int i = 0; i < 20 && !seen; i++) {
            redis.convertAndSend("dashboard:stream", message);
            try {
                new WebDriverWait(driver, Duration.ofMillis(750)).until(d -> d.findElement(By.id("feed")).getText()
                        .contains(marker));
                seen = true;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // not connected yet
            }
        }
        assertThat(seen).as("the live feed showed the published message").isTrue();
        assertThat(text("#feed")).contains("buy_signal").contains("SK하이닉스").contains(marker);
    }

    @Test
    @Order(11)
    void badSettingValueShowsTheValidationErrorAndStoresNothing() {
        driver.get(url("/console/settings"));
        WebElement input = driver.findElement(By.id("value-MAX_BUY_COUNT_PER_DAY"));
        input.clear();
        input.sendKeys("many");
        driver.findElement(By.id("save-MAX_BUY_COUNT_PER_DAY")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-error")));
        assertThat(text("#settings-error")).contains("MAX_BUY_COUNT_PER_DAY").contains("'many'").contains("an int");
        assertThat(text("#MAX_BUY_COUNT_PER_DAY .field-error")).contains("'many'");
        assertThat(configValue("MAX_BUY_COUNT_PER_DAY")).isEmpty();

        input = driver.findElement(By.id("value-MAX_BUY_COUNT_PER_DAY"));
        input.clear();
        input.sendKeys("4");
        driver.findElement(By.id("save-MAX_BUY_COUNT_PER_DAY")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(configValue("MAX_BUY_COUNT_PER_DAY")).containsExactly("4");
        assertThat(driver.findElement(By.id("value-MAX_BUY_COUNT_PER_DAY")).getAttribute("value")).isEqualTo("4");
    }

    @Test
    @Order(12)
    void sensitiveSettingsAreMaskedAndNotEditable() {
        driver.get(url("/console/settings"));
        assertThat(driver.findElements(By.cssSelector("[id^='value-'][id*='TOKEN'], [id^='value-'][id*='SECRET']")))
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector(".masked"))).isNotEmpty();
    }

    @Test
    @Order(13)
    void englishLabelsOnRequest() {
        driver.get(url("/console?lang=en"));
        assertThat(text("#flags-card h2")).isEqualTo("Trading switches");
        assertThat(text("#realized-today")).isEqualTo(ConsoleFixtures.REALIZED + " KRW");
        driver.get(url("/console?lang=ko"));
        assertThat(text("#flags-card h2")).isEqualTo("거래 스위치");
    }

    @Test
    @Order(14)
    void screenshotsOfEveryPageAtDesktopAndPhoneWidths() throws Exception {
        String[][] pages = {{"overview", "/console"}, {"trades", "/console/trades?from=2026-03-01&to=2026-03-04"},
                {"performance", "/console/performance?preset=month"}, {"stock", "/console/stock/000660?tf=1d"},
                {"scout", "/console/scout"}, {"system", "/console/system"}, {"settings", "/console/settings"}};
        for (String[] p : pages) {
            driver.get(url(p[1]));
            chromium.screenshot(SHOTS.resolve(p[0] + "-desktop.png"), 1366, 900);
            driver.get(url(p[1]));
            chromium.screenshot(SHOTS.resolve(p[0] + "-phone.png"), 390, 844);
            assertThat(SHOTS.resolve(p[0] + "-phone.png")).isNotEmptyFile();
        }
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        chromium.screenshot(SHOTS.resolve("login-phone.png"), 390, 844);
    }

    @Test
    @Order(15)
    void logoutEndsTheSession() {
        login("operator", PASSWORD);
        await().until(ExpectedConditions.urlContains("/console"));
        driver.findElement(By.id("logout")).click();
        await().until(ExpectedConditions.urlContains("/login?logout"));
        driver.get(url("/console"));
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    private List<String> configValue(String key) {
        return JdbcClient.create(dataSource).sql("SELECT CONFIG_VALUE FROM CONFIG WHERE CONFIG_KEY = ?").param(key)
                .query(String.class).list();
    }
}
