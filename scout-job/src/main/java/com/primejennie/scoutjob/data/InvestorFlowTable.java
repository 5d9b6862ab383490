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
        if (flows.isEmpty()) {
            return 0;
        }
        var now = clock.nowUtcNaive();
        StringBuilder sql = new StringBuilder("INSERT INTO STOCK_INVESTOR_TRADING (STOCK_CODE, TRADE_DATE, "
                + "FOREIGN_NET_BUY, INSTITUTION_NET_BUY, INDIVIDUAL_NET_BUY, CREATED_AT) VALUES ");
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            InvestorFlow f = flows.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(code, f.date(), f.foreignNetBuy(), f.institutionNetBuy(), f.individualNetBuy(),
                    now));
        }
        sql.append(" ON DUPLICATE KEY UPDATE FOREIGN_NET_BUY = VALUES(FOREIGN_NET_BUY), "
                + "INSTITUTION_NET_BUY = VALUES(INSTITUTION_NET_BUY), INDIVIDUAL_NET_BUY = VALUES(INDIVIDUAL_NET_BUY)");
        jdbc.sql(sql.toString()).params(params).update();
        return flows.size();
    }
}
