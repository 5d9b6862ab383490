package com.primejennie.scoutjob.scout.run;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.primejennie.scoutjob.scout.analyst.LlmFallback;

/**
 * scout-job's settings ({@code jennie.scout.*}; the Python variable names are bound in application.properties), with
 * their defaults here and only here. Runtime-tunable rules (watchlist size, smart skip, recon, RSI threshold, the
 * v5 switch, the sector budget) come from the shared settings registry instead.
 *
 * @param universeSize           market-cap leaders in the universe ({@code SCOUT_UNIVERSE_SIZE}, 200)
 * @param volumeTopN             volume leaders ({@code MOMENTUM_TOP_N}, 30)
 * @param excludedStocks         comma list ({@code EXCLUDED_STOCKS})
 * @param minPrice               junk filter: last close below this is dropped ({@code MIN_PRICE_INT}, 1000)
 * @param minMarketCapMillion    junk filter: snapshot market cap below this, million KRW ({@code MIN_MARKET_CAP_INT}, 50000)
 * @param analystWorkers         parallel analyst calls ({@code SCOUT_HUNTER_MAX_WORKERS}, 8)
 * @param prefetchWorkers        parallel KIS snapshots (8)
 * @param llmFallback            what a failed analyst call means (REJECT)
 * @param newsUrl                news-archiver's base URL ({@code NEWS_ARCHIVER_URL}, http://127.0.0.1:8092); {@code none} = no news
 * @param newsTimeout            per search request (3 s)
 * @param kospiCode              the KOSPI series' code in STOCK_DAILY_PRICES_3Y (0001)
 * @param disableMarketOpenCheck {@code DISABLE_MARKET_OPEN_CHECK} (false)
 * @param runLockTtl             the run lock's lifetime (2 h)
 * @param quantPassRatio         share of valid quant results passed to the analyst (0.4)
 * @param rsiSectorMultipliers   RSI points multiplier per sector group (none: 1.0)
 * @param jobId                  the job id {@code POST /scout} publishes ({@code SCHEDULER_SCOUT_JOB_ID}, scout-job)
 * @param scope                  {@code SCHEDULER_SCOPE} (real)
 */
@ConfigurationProperties(prefix = "jennie.scout")
public record ScoutProperties(Integer universeSize, Integer volumeTopN, String excludedStocks, Integer minPrice,
                              Integer minMarketCapMillion, Integer analystWorkers, Integer prefetchWorkers,
                              LlmFallback llmFallback, String newsUrl, Duration newsTimeout, String kospiCode,
                              Boolean disableMarketOpenCheck, Duration runLockTtl, Double quantPassRatio,
                              Map<String, Double> rsiSectorMultipliers, String jobId, String scope) {

    public ScoutProperties {
        universeSize = universeSize == null ? 200 : universeSize;
        volumeTopN = volumeTopN == null ? 30 : volumeTopN;
        excludedStocks = excludedStocks == null ? "" : excludedStocks;
        minPrice = minPrice == null ? 1000 : minPrice;
        minMarketCapMillion = minMarketCapMillion == null ? 50000 : minMarketCapMillion;
        analystWorkers = analystWorkers == null || analystWorkers < 1 ? 8 : analystWorkers;
        prefetchWorkers = prefetchWorkers == null || prefetchWorkers < 1 ? 8 : prefetchWorkers;
        llmFallback = llmFallback == null ? LlmFallback.REJECT : llmFallback;
        newsUrl = newsUrl == null || newsUrl.isBlank() ? "http://127.0.0.1:8092" : newsUrl.strip();
        newsTimeout = newsTimeout == null ? Duration.ofSeconds(3) : newsTimeout;
        kospiCode = kospiCode == null || kospiCode.isBlank() ? "0001" : kospiCode;
        disableMarketOpenCheck = disableMarketOpenCheck != null && disableMarketOpenCheck;
        runLockTtl = runLockTtl == null ? Duration.ofHours(2) : runLockTtl;
        quantPassRatio = quantPassRatio == null ? 0.4 : quantPassRatio;
        rsiSectorMultipliers = rsiSectorMultipliers == null ? Map.of() : Map.copyOf(rsiSectorMultipliers);
        jobId = jobId == null || jobId.isBlank() ? "scout-job" : jobId;
        scope = scope == null || scope.isBlank() ? "real" : scope;
    }

    public Set<String> excluded() {
        return Arrays.stream(excludedStocks.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    public double rsiMultiplier(String group) {
        return rsiSectorMultipliers.getOrDefault(group, 1.0);
    }
}
