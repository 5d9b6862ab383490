package com.primejennie.shared.broker;

/**
 * The outcome of {@link Broker#submit}.
 *
 * @param status    ACCEPTED, REJECTED or UNKNOWN
 * @param orderNo   KIS's order number when ACCEPTED, else ""
 * @param reason    why it was rejected or is unknown (KIS's msg_cd and msg1 when KIS gave them)
 * @param retryable for REJECTED: the order provably never reached KIS for a passing reason (rate budget, breaker
 *                  open, connect failure), so a later submit under the same intent key may send it
 */
public record SubmitResult(Status status, String orderNo, String reason, boolean retryable) {

    /** The three outcomes an executor must handle. */
    public enum Status { ACCEPTED, REJECTED, UNKNOWN }

    public SubmitResult {
        orderNo = orderNo == null ? "" : orderNo;
        reason = reason == null ? "" : reason;
    }

    public static SubmitResult accepted(String orderNo, String how) {
        return new SubmitResult(Status.ACCEPTED, orderNo, how, false);
    }

    public static SubmitResult rejected(String reason, boolean retryable) {
        return new SubmitResult(Status.REJECTED, "", reason, retryable);
    }

    public static SubmitResult unknown(String reason) {
        return new SubmitResult(Status.UNKNOWN, "", reason, false);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
