package com.primejennie.sellexecutor.consume;

import com.primejennie.shared.orders.NetProfit;
import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderState;
import java.util.Locale;
import java.util.Optional;

/**
 * The Telegram summary of a sell (spec §2.4), from the fill the order service read and the net PnL the ledger wrote
 * (after fees and tax). The order record's own metrics are the ticket's and hold no PnL: reading them there left every
 * summary without its 손익 line.
 */
final class SellSummary {

    private SellSummary() {
    }

    static String text(OrderRecord r, String reason, Optional<NetProfit> netProfit) {
        boolean up = netProfit.isPresent() && netProfit.get().amount() >= 0;
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
        netProfit.ifPresent(p -> b.append(p.koreanLine()).append('\n'));
        b.append("사유: ").append(reason);
        return b.toString();
    }
}
