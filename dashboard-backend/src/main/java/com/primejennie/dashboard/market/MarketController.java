package com.primejennie.dashboard.market;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.BadParameterException;
import com.primejennie.dashboard.web.Params;

/** {@code /api/market/regime} and {@code /api/logic/status/{stock_code}}. */
@RestController
public class MarketController {

    private final MarketQuery market;

    public MarketController(MarketQuery market) {
        this.market = market;
    }

    @GetMapping("/api/market/regime")
    public Object regime() {
        return market.regime();
    }

    @GetMapping("/api/logic/status/{stockCode}")
    public Map<String, Object> logic(@PathVariable String stockCode,
                                     @RequestParam(defaultValue = "1d") String timeframe) {
        if (!stockCode.matches("[0-9A-Za-z]{1,20}")) {
            throw new BadParameterException("path", "stock_code", "stock_code must be 1-20 letters or digits, was '"
                    + stockCode + "'");
        }
        return market.logic(stockCode, Params.oneOf("timeframe", timeframe, "1m", "5m", "1d"));
    }
}
