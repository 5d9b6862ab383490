package com.primejennie.kissim.datajobstest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.jobs.JobRunner;

/**
 * {@code scripts/bench-data.sh}: the nightly data jobs (master refresh, daily prices with the three-year back-fill of
 * a first night, index series, investor flows, financials, asset snapshot, clean-up) over an N-code universe loaded
 * into kis-sim, at KIS's real-account budget (client 19/s of kis-sim's 20/s, 3 of them reserved for orders), with the
 * real Redis and MariaDB. Prints {@code data: codes N, calls C, wall S s, rows R} for the first night (empty tables:
 * every code back-filled) and {@code data (next night): ...} for the incremental run a trading day later.
 * Not a test (no assertion on timing); run only through the script.
 */
class DataJobsBench extends DataJobsOnSim {

    @Test
    void bench() {
        int n = Integer.parseInt(System.getProperty("bench.codes", "200"));
        StringBuilder csv = new StringBuilder("code,name,market,sector,base_price,listed_shares,eps,bps\n");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = String.format("%06d", 900_000 + i * 7);
            codes.add(code);
            long price = 5_000 + (i * 7_919L) % 200_000;
            csv.append(code).append(",벤치").append(i).append(',').append(i % 3 == 0 ? "KOSDAQ" : "KOSPI")
                    .append(",업종").append(i % 12).append(',').append(price).append(',')
                    .append(10_000_000L + i * 1_000_000L).append(',').append(Math.max(100, price / 12)).append(',')
                    .append(price / 2).append('\n');
        }
        // rebuilding the market with N stocks and three years of history each takes longer than admin()'s timeout
        Answer loaded = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/admin/universe"))
                .timeout(java.time.Duration.ofMinutes(10)).header("content-type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv.toString())).build());
        if (loaded.status() >= 300) {
            throw new AssertionError("loading the universe: " + loaded.status() + " " + loaded.body());
        }
        admin("POST", "/admin/clock", Map.of("set", "2026-03-04T16:00:00+09:00", "paused", true));
        watch(codes.toArray(String[]::new));

        night("data", "first");
        admin("POST", "/admin/clock", Map.of("set", "2026-03-05T16:00:00+09:00", "paused", true));
        kit.clock().set(AFTER_CLOSE.plus(java.time.Duration.ofDays(1)));
        night("data (next night)", "second");
    }

    private void night(String label, String tag) {
        JobRunner runner = runner(pieces(properties(30)));
        long calls = gateway.requestsAdmitted();
        long refused = gateway.rateLimitRefusals();
        long rows = 0;
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String id : JobIds.DATA_JOBS) {
            for (JobResult r : runner.run(message(id, id + "-" + tag, 7200), null)) {
                Object written = r.stats().get("rows");
                rows += written instanceof Number num ? num.longValue() : 0;
                if (r.status() != JobResult.Status.SUCCEEDED) {
                    failures.add(id + " " + r.status() + " " + r.error());
                }
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int universeSize = universe.codes().size();
        System.out.printf("%s: codes %d, calls %d, wall %.1f s, rows %d%n", label, universeSize,
                gateway.requestsAdmitted() - calls, wall, rows);
        System.out.printf("bench-detail %s: rate refusals %d, failures %s%n", label,
                gateway.rateLimitRefusals() - refused, failures);
    }
}
