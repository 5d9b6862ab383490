package com.primejennie.kissim.accounts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's accounts by {@code CANO}. An account opens on first use with the configured starting cash, so each
 * test (or each service) can trade on its own account number without setup; the admin API sets cash and holdings.
 * Guarded by the market lock.
 */
public final class AccountBook {

    private final long initialCash;
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    public AccountBook(long initialCash) {
        this.initialCash = initialCash;
    }

    public Account get(String cano, String productCode) {
        return accounts.computeIfAbsent(cano, c -> new Account(c, productCode == null ? "01" : productCode,
                initialCash));
    }

    public Collection<Account> all() {
        return accounts.values();
    }

    public void clear() {
        accounts.clear();
    }

    public void newDay(LocalDate day) {
        accounts.values().forEach(a -> a.newDay(day));
    }
}
