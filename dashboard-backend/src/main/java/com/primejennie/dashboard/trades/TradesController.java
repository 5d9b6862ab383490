package com.primejennie.dashboard.trades;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.Params;

/** {@code /api/trades} and {@code /api/watchlist}. */
@RestController
public class TradesController {

    private final TradesQuery trades;

    public TradesController(TradesQuery trades) {
        this.trades = trades;
    }

    @GetMapping("/api/trades")
    public List<Map<String, Object>> trades(@RequestParam(defaultValue = "50") int limit,
                                            @RequestParam(defaultValue = "0") int offset) {
        return trades.trades(Params.range("limit", limit, 1, 500), Params.atLeast("offset", offset, 0));
    }

    @GetMapping("/api/watchlist")
    public List<Map<String, Object>> watchlist(@RequestParam(defaultValue = "50") int limit) {
        return trades.watchlist(Params.range("limit", limit, 1, 200));
    }
}
