package com.primejennie.dashboard.console.trades;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Trades and orders, filterable by date and stock. */
@Controller
public class TradesPageController {

    private final TradesReader reader;

    public TradesPageController(TradesReader reader) {
        this.reader = reader;
    }

    @GetMapping("/console/trades")
    public String trades(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) String code, Model model) {
        model.addAttribute("page", "trades");
        try {
            TradesReader.Filter filter = reader.normalise(from, to, code);
            model.addAttribute("filter", filter);
            model.addAttribute("trades", reader.trades(filter));
            model.addAttribute("orders", reader.orders(filter));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("filter", reader.normalise(null, null, null));
        }
        return "console/trades";
    }
}
