package com.primejennie.dashboard.console.stock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One stock: candles with trade markers, logic snapshot, signal history. */
@Controller
public class StockPageController {

    private final StockReader reader;

    public StockPageController(StockReader reader) {
        this.reader = reader;
    }

    @GetMapping("/console/stock")
    public String pick(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            return "redirect:/console/stock/" + code.trim().replaceAll("[^0-9A-Za-z]", "");
        }
        model.addAttribute("page", "stock");
        return "console/stock";
    }

    @GetMapping("/console/stock/{code}")
    public String stock(@PathVariable String code, @RequestParam(defaultValue = "1d") String tf, Model model) {
        model.addAttribute("page", "stock");
        try {
            StockReader.Stock s = reader.read(code, tf);
            model.addAttribute("s", s);
            model.addAttribute("chart", chart(s));
            model.addAttribute("signals", signals(s.signals()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "console/stock";
    }

    /** Plain lists and maps for the inlined chart script. */
    static Map<String, Object> chart(StockReader.Stock s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("times", s.candles().stream().map(StockReader.Candle::time).toList());
        m.put("ohlc", s.candles().stream().map(c -> List.of(c.open(), c.close(), c.low(), c.high())).toList());
        List<Map<String, Object>> markers = new ArrayList<>();
        for (StockReader.Marker mk : s.markers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("time", mk.time());
            x.put("side", mk.side());
            x.put("price", mk.price());
            x.put("quantity", mk.quantity());
            markers.add(x);
        }
        m.put("markers", markers);
        return m;
    }

    /** The signal history JSON list as maps (newest first as stored); empty when absent or unreadable. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> signals(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            Object v = com.primejennie.shared.domain.WireJson.mapper().readValue(json, Object.class);
            return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
