package com.primejennie.commandhandler.stocks;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.persistence.StockMasterRepository;

/**
 * The stock argument of /price, /buy, /sell, /watch, /unwatch, /alert (spec §1.5): six digits → that code (with its
 * STOCK_MASTER name, else the code as name — an unlisted code is accepted, as in Python); otherwise the exact
 * STOCK_MASTER name. A database error reads as "not found".
 */
public class StockResolver {

    private static final Logger log = LoggerFactory.getLogger(StockResolver.class);

    /** A resolved stock. */
    public record Stock(String code, String name) {
        public String label() {
            return name + " (" + code + ")";
        }
    }

    private final StockMasterRepository master;

    public StockResolver(StockMasterRepository master) {
        this.master = master;
    }

    public Optional<Stock> resolve(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String token = input.trim();
        try {
            if (token.matches("\\d{6}")) {
                return Optional.of(master.find(token).map(e -> new Stock(e.stockCode(), e.stockName()))
                        .orElse(new Stock(token, token)));
            }
            return master.findByName(token).map(StockResolver::of);
        } catch (RuntimeException e) {
            log.warn("cannot resolve stock '{}': {}", token, e.getMessage());
            return Optional.empty();
        }
    }

    private static Stock of(StockMasterEntry e) {
        return new Stock(e.stockCode(), e.stockName() == null || e.stockName().isBlank() ? e.stockCode()
                : e.stockName());
    }

    /** The Korean "not found" reply. */
    public static String notFound(String input) {
        return "❓ 종목을 찾을 수 없습니다: " + input;
    }
}
