package com.primejennie.kissim.orders;

/**
 * A business rejection KIS answers with HTTP 200 and {@code rt_cd:"1"} (insufficient cash, bad price, ...).
 * The message texts are KIS's; where KIS's exact msg_cd for a case is not documented the code is the simulator's
 * choice (see {@link Rejections}).
 */
public final class Rejection extends RuntimeException {

    private final String msgCd;

    public Rejection(String msgCd, String msg1) {
        super(msg1);
        this.msgCd = msgCd;
    }

    public String msgCd() {
        return msgCd;
    }

    public String msg1() {
        return getMessage();
    }
}
