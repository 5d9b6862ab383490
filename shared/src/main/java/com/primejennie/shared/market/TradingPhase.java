package com.primejennie.shared.market;

/**
 * What the KRX stock market is doing at a moment. Code that expects trades (the price-feed watchdog) must ask for
 * {@link #CONTINUOUS}: during the call auctions orders are collected but nothing trades until the auction ends, so
 * silence then is normal, not an outage.
 *
 * <p>Regular day (KST, each phase half-open {@code [start, end)}): PRE_OPEN 08:30–09:00 (opening call auction),
 * CONTINUOUS 09:00–15:20, CLOSING_AUCTION 15:20–15:30 (no trades), CLOSED 15:30–15:40, AFTER_HOURS 15:40–18:00
 * (closing-price and single-price after-hours sessions), CLOSED otherwise and on closed days. The phases follow the
 * day's session: a late open (first trading day 10:00) moves PRE_OPEN and the start of CONTINUOUS; the exam day
 * (10:00–16:30) moves every phase one hour later.
 */
public enum TradingPhase {

    /** Opening call auction: orders are taken, the opening price is set at the open; no trades. */
    PRE_OPEN,
    /** Continuous trading: ticks are expected. */
    CONTINUOUS,
    /** Closing call auction: orders are taken, one closing trade at the close; no ticks in between. */
    CLOSING_AUCTION,
    /** After-hours closing-price and single-price sessions; sparse trades. */
    AFTER_HOURS,
    /** No session. */
    CLOSED;

    /** Whether trades print continuously (the only phase in which a silent feed means trouble). */
    public boolean isContinuous() {
        return this == CONTINUOUS;
    }
}
