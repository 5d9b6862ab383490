package com.primejennie.shared.messaging;

/**
 * Stream and consumer-group names shared with the Python suite (compatibility contract, ARCHITECTURE.md §1): a Java
 * service and its Python twin must meet on exactly these keys.
 */
public final class Streams {

    public static final String BUY_SIGNALS = "stream:buy-signals";
    public static final String SELL_ORDERS = "stream:sell-orders";
    public static final String JOBS_SCOUT = "stream:jobs:scout";
    /** Prefix of the scheduler's job queues: {@code stream:jobs:<queue>}. */
    public static final String JOBS_PREFIX = "stream:jobs:";
    /** Real-time ticks written by the price feed as plain fields ({@code code}, {@code price}, {@code high}, …). */
    public static final String KIS_PRICES = "kis:prices";
    /** Raw news written by the news collector as plain fields ({@code page_content}, {@code metadata}, …). */
    public static final String NEWS_RAW = "stream:news:raw";

    public static final String GROUP_BUY_EXECUTOR = "group_buy_executor";
    public static final String GROUP_SELL_EXECUTOR = "group_sell_executor";
    public static final String GROUP_SCOUT_WORKER = "group_scout_worker";

    /** Suffix of the dead-letter stream of every stream: {@code <stream>:dead}. */
    public static final String DEAD_LETTER_SUFFIX = ":dead";

    /** The payload field of the trading streams: one UTF-8 JSON object. */
    public static final String PAYLOAD_FIELD = "payload";

    private Streams() {
    }

    /** {@code stream:jobs:<queue>} for a scheduler queue name. */
    public static String jobs(String queue) {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("job queue name must not be blank");
        }
        return JOBS_PREFIX + queue;
    }

    /** The dead-letter stream of {@code stream}. */
    public static String deadLetter(String stream) {
        return stream + DEAD_LETTER_SUFFIX;
    }
}
