package com.primejennie.shared.feed;

import java.util.List;

/**
 * What one text frame of the KIS real-time WebSocket means, as {@link KisFrameParser} reads it.
 */
public sealed interface FeedFrame {

    /** Trade records (H0STCNT0); every record of a multi-record frame, in order. */
    record Trades(List<TradeTick> ticks, int malformed) implements FeedFrame {
    }

    /** Execution notices of the account (H0STCNI0 / H0STCNI9). */
    record Fills(List<FillNotice> notices, int malformed) implements FeedFrame {
    }

    /** KIS's keep-alive; the client must send the same text back or KIS closes the session. */
    record PingPong(String raw) implements FeedFrame {
    }

    /**
     * KIS's answer to a subscribe or unsubscribe request. {@code ok} when {@code rt_cd} is 0; {@code iv}/{@code key}
     * are the AES parameters KIS hands out for encrypted streams (fill notices).
     */
    record Reply(String trId, String trKey, boolean ok, String msgCode, String message, String iv, String key)
            implements FeedFrame {
    }

    /** A frame the feed does not use (other tr_ids, garbage); kept with the reason for the log. */
    record Ignored(String reason) implements FeedFrame {
    }
}
