package com.primejennie.scheduler.jobs;

import java.util.Locale;

/** What a job does about cron fires that passed while no scheduler ran (downtime): forget them, or run once. */
public enum MissedFirePolicy {
    /** Missed fires are dropped; the job runs again at its next fire. */
    SKIP,
    /** However many fires were missed, the job runs once as soon as a scheduler is back. */
    RUN_ONCE;

    /** Reads {@code skip}, {@code RUN_ONCE}, {@code run-once}; anything else fails naming the text. */
    public static MissedFirePolicy parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MissedFirePolicy p : values()) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new InvalidJobException("missed_fire_policy는 SKIP 또는 RUN_ONCE여야 합니다 (받은 값: '" + text + "')");
    }
}
