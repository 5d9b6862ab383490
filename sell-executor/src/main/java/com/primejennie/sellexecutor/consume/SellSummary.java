package com.primejennie.sellexecutor.consume;

import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderState;
import java.util.Locale;

/** The Telegram summary of a sell (spec §2.4), from the fill the order service read, PnL net of fee and tax. */
final class SellSummary {

    private SellSummary() {
    }

    static String text(OrderRecord r, String reason) {
        Object profit = r.keyMetrics().get("profit_amount");
        Object pct = r.keyMetrics().get("profit_pct");
        boolean up = profit instanceof Number n && n.doubleValue() >= 0;
        StringBuilder b = new StringBuilder();
        if ("MOCK".equalsIgnoreCase(r.tradingMode())) {
            b.append("🧪 *[MOCK 테스트]*\n");
        }
        if (r.state() == OrderState.DRY_RUN) {
            b.append("⚠️ *[DRY RUN - 실제 주문 없음]*\n");
        }
        b.append(up ? "📈" : "📉").append(" *매도 체결*\n");
        b.append("종목: ").append(r.stockName()).append(" (").append(r.code()).append(")\n");
        if (r.averageFillPrice() != null) {
            b.append("매도가: ").append(String.format(Locale.US, "%,.0f", r.averageFillPrice().doubleValue()))
                    .append("원\n");
        }
        b.append("수량: ").append(r.state() == OrderState.DRY_RUN ? r.quantity() : r.filledQuantity())
                .append("주\n");
        if (profit instanceof Number n) {
            b.append("손익: ").append(String.format(Locale.US, "%+,.0f", n.doubleValue())).append("원");
            if (pct instanceof Number p) {
                b.append(" (").append(String.format(Locale.ROOT, "%+.2f", p.doubleValue())).append("%)");
            }
            b.append(" (수수료·세금 차감)\n");
        }
        b.append("사유: ").append(reason);
        return b.toString();
    }
}
