package com.primejennie.kissim.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stocks the simulator knows. Loaded from a CSV ({@code code,name,market,sector,base_price,listed_shares,eps,bps},
 * {@code #} comments); replaceable at run time through the admin API. Unknown codes are unknown: the Python mock
 * invented a new random base on every call (§3.7), which made prices jump; here they get a KIS error instead.
 */
public final class Universe {

    private final Map<String, Stock> stocks;

    public Universe(Collection<Stock> stocks) {
        Map<String, Stock> byCode = new LinkedHashMap<>();
        for (Stock s : stocks) {
            byCode.put(s.code(), s);
        }
        this.stocks = Map.copyOf(byCode);
        this.order = List.copyOf(byCode.keySet());
    }

    private final List<String> order;

    public Optional<Stock> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(stocks.get(code.trim()));
    }

    public List<Stock> all() {
        return order.stream().map(stocks::get).toList();
    }

    public int size() {
        return stocks.size();
    }

    public static Universe parse(InputStream in) {
        List<Stock> list = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < 5) {
                    throw new IllegalArgumentException("universe line " + n + ": need at least code,name,market,sector,"
                            + "base_price: '" + line + "'");
                }
                list.add(new Stock(f[0].trim(), f[1].trim(), Stock.MarketType.valueOf(f[2].trim().toUpperCase()),
                        f[3].trim(), Ticks.snap(Long.parseLong(f[4].trim())), longAt(f, 5, 100_000_000L),
                        longAt(f, 6, 1_000L), longAt(f, 7, 10_000L)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Universe(list);
    }

    private static long longAt(String[] f, int i, long fallback) {
        return f.length > i && !f[i].isBlank() ? Long.parseLong(f[i].trim()) : fallback;
    }
}
