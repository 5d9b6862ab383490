package com.primejennie.shared.orders;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.kis.OrderSide;
import com.primejennie.shared.notify.Notifier;

/**
 * The fill message of an order whose handler stopped (an executor killed while its order was in flight): stream
 * messages are acknowledged before the handler runs, so nobody runs that handler again, and without this the
 * background settler would complete the order, ledger and position without the operator ever hearing of the fill.
 *
 * <p>Exactly one message per order: every order that ends with fills and no claimed message waits in the book's
 * {@code fill-notices} set; the handler claims before sending its own richer message
 * ({@link OrderService#claimFillNotice}), and the settler claims here only once the handler no longer watches the
 * order. A claimed message is sent at most once (a settler killed between claim and send loses it).
 */
final class OrphanFillNotices {

    static final String HANDLER = "handler";
    static final String SETTLER = "settler";
    static final String COMPLETED_IN_BACKGROUND = "(백그라운드 정산으로 확정 — 주문 처리기가 중단됨)";

    private static final Logger log = LoggerFactory.getLogger(OrphanFillNotices.class);

    private final RedisOrderBook book;
    private final OrderLedger ledger;
    private final Notifier notifier;

    OrphanFillNotices(RedisOrderBook book, OrderLedger ledger, Notifier notifier) {
        this.book = book;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    /** Sends the fill message of every order that is due one and no longer watched by its handler. */
    void sendDue() {
        Iterable<String> due;
        try {
            due = book.fillNoticesDue();
        } catch (RuntimeException e) {
            log.warn("fill messages of orphaned orders wait for the next round: {}", e.toString());
            return;
        }
        for (String key : due) {
            try {
                sendIfUnwatched(key);
            } catch (RuntimeException e) {
                log.warn("fill message of {} not sent: {}", key, e.toString());
            }
        }
    }

    private void sendIfUnwatched(String key) {
        if (book.claimFillNotice(key, SETTLER) != RedisOrderBook.NoticeClaim.CLAIMED) {
            return;
        }
        Optional<OrderRecord> order = book.find(key);
        if (order.isEmpty()) {
            return;
        }
        OrderRecord o = order.get();
        String text = text(o, o.side() == OrderSide.SELL ? netProfit(key) : Optional.empty());
        log.warn("order {} completed by background settlement after its handler stopped: {} {} x{} @ {}", key,
                o.side(), o.code(), o.filledQuantity(), o.averageFillPrice());
        notifier.send(text);
    }

    private Optional<NetProfit> netProfit(String key) {
        try {
            return ledger.netProfit(key);
        } catch (RuntimeException e) {
            log.warn("net profit of {} unreadable ({}); fill message without it", key, e.toString());
            return Optional.empty();
        }
    }

    /** The message: headline as the handlers' ({@code 매수 체결} / {@code 매도 체결}), the fill, and who completed it. */
    static String text(OrderRecord o, Optional<NetProfit> netProfit) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.KOREA);
        boolean sell = o.side() == OrderSide.SELL;
        StringBuilder b = new StringBuilder();
        if ("MOCK".equalsIgnoreCase(o.tradingMode())) {
            b.append("[MOCK 테스트]\n");
        }
        if (sell) {
            b.append(netProfit.map(p -> p.amount() >= 0 ? "📈" : "📉").orElse("📉")).append(" *매도 체결*\n");
        } else {
            b.append("💰 *매수 체결*\n");
        }
        b.append("종목: ").append(o.stockName().isBlank() ? o.code() : o.stockName()).append(" (").append(o.code())
                .append(")\n");
        b.append("수량: ").append(n.format(o.filledQuantity())).append("주");
        if (o.filledQuantity() < o.quantity()) {
            b.append(" (주문 ").append(n.format(o.quantity())).append("주, 잔량 취소)");
        }
        b.append('\n');
        b.append("평균 체결가: ").append(n.format(o.averageFillPrice().setScale(0, RoundingMode.HALF_UP)))
                .append("원\n");
        netProfit.ifPresent(p -> b.append(p.koreanLine()).append('\n'));
        b.append(COMPLETED_IN_BACKGROUND);
        return b.toString();
    }
}
