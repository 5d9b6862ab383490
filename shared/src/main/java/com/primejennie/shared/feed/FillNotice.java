package com.primejennie.shared.feed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One execution notice of the account (KIS H0STCNI0, paper H0STCNI9): an order was accepted, filled, rejected,
 * amended or cancelled. Published to {@code kis:fills} so executors can settle orders without polling KIS.
 *
 * @param orderNo       order number ({@code ODER_NO})
 * @param originalOrderNo original order number for amendments and cancels ({@code OODER_NO})
 * @param side          {@code SELL} for 01, {@code BUY} for 02, else KIS's raw code
 * @param code          stock code
 * @param filledQty     shares filled by this notice ({@code CNTG_QTY})
 * @param filledPrice   fill price ({@code CNTG_UNPR})
 * @param time          time of the event, {@code HHmmss} KST
 * @param filled        true for a fill ({@code CNTG_YN = 2}), false for an acceptance/amend/cancel notice
 * @param rejected      KIS rejected the order ({@code RFUS_YN = Y})
 * @param orderQty      ordered shares ({@code ODER_QTY})
 * @param orderPrice    order price ({@code ODER_PRC})
 * @param account       account number ({@code ACNT_NO})
 */
public record FillNotice(String orderNo, String originalOrderNo, String side, String code, long filledQty,
                         long filledPrice, String time, boolean filled, boolean rejected, long orderQty,
                         long orderPrice, String account) {

    /** The JSON object published as the stream entry's {@code payload}. */
    public Map<String, Object> toPayload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_no", orderNo);
        m.put("original_order_no", originalOrderNo);
        m.put("side", side);
        m.put("stock_code", code);
        m.put("filled_qty", filledQty);
        m.put("filled_price", filledPrice);
        m.put("time", time);
        m.put("filled", filled);
        m.put("rejected", rejected);
        m.put("order_qty", orderQty);
        m.put("order_price", orderPrice);
        m.put("account", account);
        return m;
    }
}
