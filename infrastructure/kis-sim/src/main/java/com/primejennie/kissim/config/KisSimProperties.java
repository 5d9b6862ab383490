package com.primejennie.kissim.config;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.primejennie.shared.trading.TradingCosts;

/**
 * Every tunable of the simulator ({@code kis-sim.*}) with its default in one place, so a test or the launcher changes
 * behaviour by configuration rather than by code. Most of these can also be changed at run time through the admin API.
 */
@ConfigurationProperties("kis-sim")
public record KisSimProperties(Market market, Account account, Orders orders, Auth auth, RateLimit rateLimit,
                               Realtime realtime, Faults faults) {

    public KisSimProperties {
        market = market == null ? new Market(null, null, null, null, null, null, null, null) : market;
        account = account == null ? new Account(null, null, null, null, null) : account;
        orders = orders == null ? new Orders(null, null, null, null) : orders;
        auth = auth == null ? new Auth(null, null, null) : auth;
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        realtime = realtime == null ? new Realtime(null, null, null, null, null) : realtime;
        faults = faults == null ? new Faults(null) : faults;
    }

    /**
     * The simulated market: {@code seed} of the random walk, the universe file (classpath or file), an optional replay
     * file of minute bars, one trade per {@code tradeInterval} of market time, daily volatility, session hours.
     */
    public record Market(Long seed, String universe, String replay, Duration tradeInterval, Double dailyVolatility,
                         LocalTime open, LocalTime close, Integer historyDays) {
        public Market {
            seed = seed == null ? 20260101L : seed;
            universe = universe == null || universe.isBlank() ? "classpath:kis-sim/universe.csv" : universe;
            replay = replay == null ? "" : replay;
            tradeInterval = tradeInterval == null ? Duration.ofSeconds(1) : tradeInterval;
            dailyVolatility = dailyVolatility == null ? 0.02 : dailyVolatility;
            open = open == null ? LocalTime.of(9, 0) : open;
            close = close == null ? LocalTime.of(15, 30) : close;
            historyDays = historyDays == null ? 300 : historyDays;
            if (tradeInterval.isZero() || tradeInterval.isNegative()) {
                throw new IllegalArgumentException("kis-sim.market.trade-interval must be positive");
            }
        }
    }

    /** The one simulated account: {@code CANO}, product code, HTS id (tr_key of fill notices), name, starting cash. */
    public record Account(String cano, String productCode, String htsId, String name, Long initialCash) {
        public Account {
            cano = cano == null ? "50012345" : cano;
            productCode = productCode == null ? "01" : productCode;
            htsId = htsId == null ? "jennie" : htsId;
            name = name == null ? "제니" : name;
            initialCash = initialCash == null ? 100_000_000L : initialCash;
        }
    }

    /**
     * Order handling: {@code maxFillPerTrade} caps the shares one market trade fills (0 = fill everything at once,
     * no partial fills); commission and sell-tax rates (unset: the suite's {@code TradingCosts}, see
     * {@code KisSimConfiguration}); settlement lag in trading days (KRX: T+2).
     */
    public record Orders(Long maxFillPerTrade, Double commissionRate, Double sellTaxRate, Integer settlementDays) {
        public Orders {
            maxFillPerTrade = maxFillPerTrade == null ? 0L : maxFillPerTrade;
            commissionRate = commissionRate == null ? TradingCosts.DEFAULT.feeRate().doubleValue() : commissionRate;
            sellTaxRate = sellTaxRate == null ? TradingCosts.DEFAULT.sellTaxRate().doubleValue() : sellTaxRate;
            settlementDays = settlementDays == null ? 2 : settlementDays;
        }
    }

    /**
     * Tokens: lifetime in market time (KIS: 24 h), the minimum real time between two token issues for one app key
     * (KIS: one per minute, EGW00133), and the HTTP status KIS answers that throttle with (500, as issue 6 states KIS sends it; configurable).
     */
    public record Auth(Duration tokenLifetime, Duration tokenIssueInterval, Integer tokenThrottleStatus) {
        public Auth {
            tokenLifetime = tokenLifetime == null ? Duration.ofHours(24) : tokenLifetime;
            tokenIssueInterval = tokenIssueInterval == null ? Duration.ofMinutes(1) : tokenIssueInterval;
            tokenThrottleStatus = tokenThrottleStatus == null ? 500 : tokenThrottleStatus;
        }
    }

    /** REST calls allowed per app key per window of real time (KIS real: 20 per second; paper: 2), EGW00201 beyond. */
    public record RateLimit(Integer requests, Duration window) {
        public RateLimit {
            requests = requests == null ? 20 : requests;
            window = window == null ? Duration.ofSeconds(1) : window;
        }
    }

    /**
     * The real-time WebSocket: registrations one session may hold (KIS: 41), at most this many trade records in one
     * frame, how often the pump pushes new trades (real time), PINGPONG interval, and whether fill notices are
     * AES-encrypted as KIS does.
     */
    public record Realtime(Integer maxRegistrations, Integer maxRecordsPerFrame, Duration pumpInterval,
                           Duration pingInterval, Boolean encryptNotices) {
        public Realtime {
            maxRegistrations = maxRegistrations == null ? 41 : maxRegistrations;
            maxRecordsPerFrame = maxRecordsPerFrame == null ? 10 : maxRecordsPerFrame;
            pumpInterval = pumpInterval == null ? Duration.ofMillis(200) : pumpInterval;
            pingInterval = pingInterval == null ? Duration.ofSeconds(10) : pingInterval;
            encryptNotices = encryptNotices == null ? Boolean.TRUE : encryptNotices;
        }
    }

    /** Fault injection: how long a "timeout" or "lost response" fault holds the request before giving up. */
    public record Faults(Duration hold) {
        public Faults {
            hold = hold == null ? Duration.ofSeconds(30) : hold;
        }
    }
}
