package com.primejennie.scoutjob.data;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the nightly data jobs, every default here.
 *
 * @param enabled         whether scout-job consumes {@code stream:jobs:data} at all
 * @param consumerGroup   the group on {@code stream:jobs:data}
 * @param listingsCsv     the bundled KRX listings (code,name,market,sector,etf) seeding STOCK_MASTER
 * @param rankingLeaders  how many names of each KIS ranking join the universe
 * @param indexCodes      the index series kept in STOCK_DAILY_PRICES_3Y (0001 KOSPI, 1001 KOSDAQ)
 * @param financeQuarters how many of the newest quarters are written to FINANCIAL_METRICS_QUARTERLY per code
 * @param financeRefresh  a code whose financial rows were written more recently than this is skipped
 * @param checkpointTtl   how long a run's per-code checkpoints live (a crashed run resumes within it)
 * @param jobTimeout      the timeout of a run when the message carries no timeout_sec
 */
@ConfigurationProperties("jennie.data-jobs")
public record DataJobsProperties(Boolean enabled, String consumerGroup, String listingsCsv, int rankingLeaders,
                                 List<String> indexCodes, int financeQuarters, Duration financeRefresh,
                                 Duration checkpointTtl, Duration jobTimeout) {

    public DataJobsProperties {
        enabled = enabled == null || enabled;
        consumerGroup = consumerGroup == null || consumerGroup.isBlank() ? "group_data_worker" : consumerGroup;
        listingsCsv = listingsCsv == null || listingsCsv.isBlank() ? "classpath:data/krx-listings.csv" : listingsCsv;
        rankingLeaders = rankingLeaders <= 0 ? 30 : rankingLeaders;
        indexCodes = indexCodes == null || indexCodes.isEmpty() ? List.of("0001", "1001") : List.copyOf(indexCodes);
        financeQuarters = financeQuarters <= 0 ? 4 : financeQuarters;
        financeRefresh = financeRefresh == null ? Duration.ofDays(7) : financeRefresh;
        checkpointTtl = checkpointTtl == null ? Duration.ofDays(3) : checkpointTtl;
        jobTimeout = jobTimeout == null ? Duration.ofHours(2) : jobTimeout;
    }

    public static DataJobsProperties defaults() {
        return new DataJobsProperties(null, null, null, 0, null, 0, null, null, null);
    }
}
