package com.primejennie.shared.manual;

/**
 * What became of a manual order request.
 *
 * @param messageId   the stream entry id when {@link Status#PUBLISHED}, else null
 * @param dryRun      the effective dry run written into the message
 * @param usedToday   manual trades used today after this request (0 for /sellall, which the limit does not count)
 * @param dailyLimit  the daily manual-trade limit
 * @param reason      why it was not published (null when published)
 */
public record ManualOrderResult(Status status, String stream, String messageId, boolean dryRun, long usedToday,
                                long dailyLimit, String reason) {

    public enum Status {
        /** On the stream; the executor decides and reports. */
        PUBLISHED,
        /** The daily manual-trade limit is used up; nothing published. */
        LIMIT_REACHED,
        /** The limit counter could not be read; nothing published (fail closed). */
        LIMITS_UNAVAILABLE,
        /** Redis did not take the message; see {@link #reason()} (it says when it may have been written). */
        PUBLISH_FAILED
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }
}
