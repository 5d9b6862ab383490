package com.primejennie.scoutjob.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;

import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.kis.KisException;
import com.primejennie.shared.kis.RankedStock;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.persistence.StockMasterRepository;

/**
 * {@code data-stock-master}: STOCK_MASTER seeded from the bundled KRX listings CSV ({@code code,name,market,sector,
 * etf}) and refreshed from KIS's market-cap ranking (market caps, names of new leaders) and volume ranking (new
 * leaders); the leaders of both become the {@link DataUniverse}'s ranking leaders. A row is written only when it
 * differs from what is stored, so a rerun writes nothing; sector columns written by others are kept when the CSV
 * has none.
 */
public class StockMasterJob implements JobHandler {

    private final QuotationSource kis;
    private final StockMasterRepository master;
    private final DataUniverse universe;
    private final Resource listings;
    private final int leaders;

    public StockMasterJob(QuotationSource kis, StockMasterRepository master, DataUniverse universe, Resource listings,
                          int leaders) {
        this.kis = kis;
        this.master = master;
        this.universe = universe;
        this.listings = listings;
        this.leaders = leaders;
    }

    /** One line of the bundled listings. */
    record Listing(String code, String name, String market, String sector, boolean etf) {
    }

    @Override
    public JobOutcome run(JobMessage message) throws IOException {
        Map<String, StockMasterEntry> stored = new LinkedHashMap<>();
        master.findAll().forEach(e -> stored.put(e.stockCode(), e));
        int written = 0;
        List<Listing> seed = readListings();
        for (Listing l : seed) {
            StockMasterEntry old = stored.get(l.code());
            StockMasterEntry entry = new StockMasterEntry(l.code(), l.name(), old == null ? null : old.marketCap(),
                    old == null ? null : old.sectorKospi200(),
                    l.sector().isEmpty() && old != null ? old.sectorNaver() : emptyToNull(l.sector()),
                    old == null ? null : old.sectorNaverGroup(), l.etf());
            written += write(old, entry, stored);
        }
        List<String> notes = new ArrayList<>();
        Set<String> leaderCodes = new LinkedHashSet<>();
        int ranked = 0;
        for (boolean byCap : new boolean[]{true, false}) {
            String op = byCap ? "market_cap" : "volume_rank";
            List<RankedStock> ranking;
            try {
                ranking = byCap ? kis.quotations().marketCapRanking() : kis.quotations().volumeRanking();
            } catch (KisException e) {
                notes.add("could not fetch " + op + (kis.paperOnly() ? " (paper key only; KIS serves rankings to real "
                        + "accounts)" : "") + ": " + e.getMessage());
                continue;
            }
            for (RankedStock r : ranking.stream().limit(leaders).toList()) {
                ranked++;
                leaderCodes.add(r.code());
                StockMasterEntry old = stored.get(r.code());
                Long cap = byCap && r.marketCap() > 0 ? Long.valueOf(r.marketCap())
                        : old == null ? null : old.marketCap();
                String name = old != null && old.stockName() != null ? old.stockName() : r.name();
                StockMasterEntry entry = old == null
                        ? new StockMasterEntry(r.code(), name, cap, null, null, null, false)
                        : new StockMasterEntry(r.code(), name, cap, old.sectorKospi200(), old.sectorNaver(),
                        old.sectorNaverGroup(), old.etf());
                written += write(old, entry, stored);
            }
        }
        if (!leaderCodes.isEmpty()) {
            universe.replaceLeaders(new ArrayList<>(leaderCodes));
        }
        String text = "stock master: %d listings, %d ranked, %d rows written, %d leaders".formatted(seed.size(), ranked,
                written, leaderCodes.size()) + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return JobOutcome.done(text, Map.of("listings", seed.size(), "ranked", ranked, "rows", written,
                "leaders", leaderCodes.size()));
    }

    private int write(StockMasterEntry old, StockMasterEntry entry, Map<String, StockMasterEntry> stored) {
        if (entry.equals(old)) {
            return 0;
        }
        master.upsert(entry);
        stored.put(entry.stockCode(), entry);
        return 1;
    }

    List<Listing> readListings() throws IOException {
        List<Listing> rows = new ArrayList<>();
        try (InputStream in = listings.getInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < 5 || !f[0].trim().matches("[0-9A-Z]{6}")) {
                    throw new IllegalArgumentException("listings line " + n + " is not code,name,market,sector,etf: "
                            + line);
                }
                rows.add(new Listing(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(),
                        Optional.of(f[4].trim()).map(v -> v.equals("1") || v.equalsIgnoreCase("Y")
                                || v.equalsIgnoreCase("true")).get()));
            }
        }
        return rows;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
