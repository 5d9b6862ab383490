package com.primejennie.scoutjob.data;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.kis.InvestorFlow;
import com.primejennie.shared.market.MarketClock;

/** STOCK_INVESTOR_TRADING: net buying per code and session (foreign, institution, individual; shares). */
public class InvestorFlowTable {

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public InvestorFlowTable(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int upsert(String code, List<InvestorFlow> flows) {
        var now = clock.nowUtcNaive();
        for (InvestorFlow f : flows) {
            jdbc.sql("""
                    INSERT INTO STOCK_INVESTOR_TRADING (STOCK_CODE, TRADE_DATE, FOREIGN_NET_BUY, INSTITUTION_NET_BUY,
                        INDIVIDUAL_NET_BUY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE FOREIGN_NET_BUY = VALUES(FOREIGN_NET_BUY),
                        INSTITUTION_NET_BUY = VALUES(INSTITUTION_NET_BUY),
                        INDIVIDUAL_NET_BUY = VALUES(INDIVIDUAL_NET_BUY)""")
                    .params(code, f.date(), f.foreignNetBuy(), f.institutionNetBuy(), f.individualNetBuy(), now)
                    .update();
        }
        return flows.size();
    }
}
