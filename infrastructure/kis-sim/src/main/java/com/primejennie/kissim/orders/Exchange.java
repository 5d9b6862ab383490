package com.primejennie.kissim.orders;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.primejennie.kissim.accounts.Account;
import com.primejennie.kissim.accounts.AccountBook;
import com.primejennie.kissim.accounts.Holding;
import com.primejennie.kissim.config.KisSimProperties;
import com.primejennie.kissim.market.MarketListener;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.market.Quote;
import com.primejennie.kissim.market.Stock;
import com.primejennie.kissim.market.Ticks;
import com.primejennie.kissim.market.Trade;

/**
 * The order side of the simulated exchange: accepts cash orders against an account, fills market orders at the
 * current price and limit orders when a trade crosses their price (optionally a few shares per trade: partial
 * fills), cancels the unfilled rest, and keeps today's orders and fills. Every method runs under the market lock
 * (the {@link MarketSimulator} monitor), so fills and the trades causing them are atomic.
 *
 * <p>Unlike the Python mock (§3.7), an order is a real thing: it reserves cash or shares, can be rejected, fills,
 * and shows up in balance and inquire-daily-ccld.
 */
public class Exchange implements MarketListener {

    /** Orders are accepted from the pre-open (08:30) to the close. */
    private static final LocalTime ORDERS_FROM = LocalTime.of(8, 30);

    private final MarketSimulator market;
    private final AccountBook accounts;
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private KisSimProperties.Orders settings;
    private final Map<String, PendingCancel> pendingCancels = new LinkedHashMap<>();
    private int cancelDelayTrades;
    private long nextOrderNo = 1;
    private long nextFillNo = 1;

    public Exchange(MarketSimulator market, AccountBook accounts, KisSimProperties.Orders settings) {
        this.market = market;
        this.accounts = accounts;
        this.settings = settings;
        market.addListener(this);
    }

    public void addListener(OrderEventListener listener) {
        listeners.add(listener);
    }

    public Object lock() {
        return market;
    }

    public KisSimProperties.Orders settings() {
        synchronized (market) {
            return settings;
        }
    }

    /** Partial fills: at most {@code maxFillPerTrade} shares per trade (0 = everything at once). */
    public void setMaxFillPerTrade(long maxFillPerTrade) {
        synchronized (market) {
            settings = new KisSimProperties.Orders(maxFillPerTrade, settings.commissionRate(), settings.sellTaxRate(),
                    settings.settlementDays());
        }
    }

    /**
     * Fills after a cancel request: a cancel takes effect only after {@code trades} more trades of the stock, and
     * those trades still fill the order (0 = cancels take effect at once, as before).
     */
    public void setCancelDelayTrades(int trades) {
        synchronized (market) {
            cancelDelayTrades = Math.max(0, trades);
        }
    }

    public int cancelDelayTrades() {
        synchronized (market) {
            return cancelDelayTrades;
        }
    }

    /** A cancel accepted but not yet effective (fills may still arrive). */
    private record PendingCancel(Order original, boolean all, long qty, int tradesLeft) {
    }

    public Account account(String cano, String productCode) {
        synchronized (market) {
            market.sync();
            return accounts.get(cano, productCode);
        }
    }

    /** Places a cash order; returns it accepted (and possibly already filled) or throws a {@link Rejection}. */
    public OrderView place(String cano, String productCode, Side side, String code, String ordDvsn, long qty,
                           long price) {
        synchronized (market) {
            market.sync();
            if (cano == null || !cano.matches("\\d{8}") || productCode == null || productCode.isBlank()) {
                throw Rejections.badAccount();
            }
            Stock stock = market.stock(code).orElseThrow(() -> Rejections.unknownStock(code));
            OrderType type = OrderType.ofCode(ordDvsn).orElseThrow(() -> Rejections.badOrderType(ordDvsn));
            if (qty <= 0) {
                throw Rejections.badQuantity();
            }
            ZonedDateTime now = market.clock().now();
            if (!market.calendar().isTradingDay(now.toLocalDate()) || now.toLocalTime().isBefore(ORDERS_FROM)
                    || !now.toLocalTime().isBefore(market.calendar().close(now.toLocalDate()))) {
                throw Rejections.marketClosed();
            }
            Quote quote = market.quote(code);
            if (type == OrderType.LIMIT) {
                if (!Ticks.isValid(price)) {
                    throw Rejections.badPrice();
                }
                if (price > quote.upperLimit() || price < quote.lowerLimit()) {
                    throw Rejections.outsidePriceLimits();
                }
            } else {
                price = 0;
            }
            Account account = accounts.get(cano, productCode);
            long reserve = 0;
            if (side == Side.BUY) {
                long unit = type == OrderType.MARKET ? quote.upperLimit() : price;
                reserve = qty * unit + commission(qty * unit);
                if (account.orderableCash() < reserve) {
                    throw Rejections.insufficientCash();
                }
            } else {
                Holding h = account.holding(code);
                if (h == null || h.orderableQty() < qty) {
                    throw Rejections.insufficientQuantity();
                }
            }
            Order order = new Order(orderNo(), "91252", "", cano, code, stock.name(), side, type, qty, price,
                    quote.date(), now.toLocalTime().withNano(0), false);
            orders.put(order.odno(), order);
            if (side == Side.BUY) {
                order.reserve(reserve);
                account.reserveCash(reserve);
            } else {
                account.holding(code).reserve(qty);
            }
            emit(new OrderEvent(OrderEvent.Kind.ACCEPTED, order.snapshot(), 0, price, order.snapshot().time()));
            if (market.sessionOpen() && quote.last() != null) {
                matchOnPlacement(order, quote.price(), now.toLocalTime().withNano(0));
            }
            return order.snapshot();
        }
    }

    /** Cancels the unfilled rest of {@code originalOdno} (or {@code qty} of it when not all); returns the cancel. */
    public OrderView cancel(String cano, String originalOdno, boolean all, long qty) {
        synchronized (market) {
            market.sync();
            Order original = orders.get(normalise(originalOdno));
            if (original == null || original.cancel() || !original.cano().equals(cano)) {
                throw Rejections.unknownOrder(originalOdno);
            }
            if (!original.working() || pendingCancels.containsKey(original.odno())) {
                throw Rejections.nothingToCancel();
            }
            long n = all || qty <= 0 ? original.remaining() : Math.min(qty, original.remaining());
            ZonedDateTime now = market.clock().now();
            Order cancel = new Order(orderNo(), "91252", original.odno(), cano, original.code(),
                    original.snapshot().name(), original.side(), original.type(), n, original.price(),
                    market.currentDay(), now.toLocalTime().withNano(0), true);
            orders.put(cancel.odno(), cancel);
            if (cancelDelayTrades > 0) {
                pendingCancels.put(original.odno(), new PendingCancel(original, all || qty <= 0, n,
                        cancelDelayTrades));
                return cancel.snapshot();
            }
            applyCancel(original, n, now.toLocalTime().withNano(0));
            return cancel.snapshot();
        }
    }

    private void applyCancel(Order original, long n, LocalTime at) {
        original.cancelled(n);
        release(original, n);
        emit(new OrderEvent(OrderEvent.Kind.CANCELLED, original.snapshot(), n, original.price(), at));
    }

    /** Orders of {@code cano} (null: all) placed on days from..to, in placement order. */
    public List<OrderView> orders(String cano, LocalDate from, LocalDate to) {
        synchronized (market) {
            market.sync();
            return orders.values().stream()
                    .filter(o -> cano == null || o.cano().equals(cano))
                    .filter(o -> !o.date().isBefore(from) && !o.date().isAfter(to))
                    .map(Order::snapshot).toList();
        }
    }

    public List<Fill> fills(String cano) {
        synchronized (market) {
            market.sync();
            return fills.stream().filter(f -> cano == null || f.cano().equals(cano)).toList();
        }
    }

    /** Forgets every order and fill and every account (admin reset). */
    public void clear() {
        synchronized (market) {
            orders.clear();
            pendingCancels.clear();
            fills.clear();
            accounts.clear();
        }
    }

    @Override
    public void onTrade(Trade trade) {
        matchTrade(trade);
        if (pendingCancels.isEmpty()) {
            return;
        }
        for (PendingCancel p : List.copyOf(pendingCancels.values())) {
            if (!p.original().code().equals(trade.code())) {
                continue;
            }
            String odno = p.original().odno();
            if (p.tradesLeft() > 1 && p.original().working()) {
                pendingCancels.put(odno, new PendingCancel(p.original(), p.all(), p.qty(), p.tradesLeft() - 1));
                continue;
            }
            pendingCancels.remove(odno);
            if (p.original().working()) {
                long n = p.all() ? p.original().remaining() : Math.min(p.qty(), p.original().remaining());
                applyCancel(p.original(), n, trade.time().withNano(0));
            }
        }
    }

    private void matchTrade(Trade trade) {
        for (Order o : orders.values()) {
            if (!o.working() || !o.code().equals(trade.code())) {
                continue;
            }
            if (o.type() == OrderType.MARKET) {
                fill(o, trade.price(), trade.time());
            } else if (o.side() == Side.BUY && trade.price() <= o.price()) {
                fill(o, o.price(), trade.time());
            } else if (o.side() == Side.SELL && trade.price() >= o.price()) {
                fill(o, o.price(), trade.time());
            }
        }
    }

    @Override
    public void onSessionClosed(LocalDate day) {
        pendingCancels.clear();
        for (Order o : orders.values()) {
            if (o.working() && o.date().equals(day)) {
                o.expire();
                Account account = accounts.get(o.cano(), null);
                if (o.side() == Side.BUY) {
                    account.releaseCash(o.releaseAll());
                } else if (account.holding(o.code()) != null) {
                    account.holding(o.code()).release(o.remaining());
                }
            }
        }
    }

    @Override
    public void onSessionOpened(LocalDate day) {
        accounts.newDay(day);
    }

    private void matchOnPlacement(Order o, long current, LocalTime at) {
        if (o.type() == OrderType.MARKET
                || (o.side() == Side.BUY && current <= o.price())
                || (o.side() == Side.SELL && current >= o.price())) {
            fill(o, current, at);
        }
    }

    private void fill(Order o, long price, LocalTime at) {
        long cap = settings.maxFillPerTrade();
        long qty = cap > 0 ? Math.min(cap, o.remaining()) : o.remaining();
        Account account = accounts.get(o.cano(), null);
        LocalDate settles = market.calendar().plusTradingDays(o.date(), settings.settlementDays());
        long amount = qty * price;
        long commission = commission(amount);
        if (o.side() == Side.BUY) {
            account.releaseCash(o.releasePart(amount + commission));
            account.bought(o.code(), o.snapshot().name(), qty, price, commission, settles);
        } else {
            long tax = (long) Math.floor(amount * settings.sellTaxRate());
            account.sold(o.code(), qty, price, commission + tax, settles);
        }
        o.filled(qty, price);
        if (o.remaining() == 0 && o.side() == Side.BUY) {
            account.releaseCash(o.releaseAll());
        }
        fills.add(new Fill(nextFillNo++, o.odno(), o.cano(), o.code(), o.snapshot().name(), o.side(), qty, price,
                o.date(), at.withNano(0)));
        emit(new OrderEvent(OrderEvent.Kind.FILLED, o.snapshot(), qty, price, at.withNano(0)));
    }

    private void release(Order o, long qty) {
        Account account = accounts.get(o.cano(), null);
        if (o.side() == Side.BUY) {
            long share = o.remaining() == 0 ? o.releaseAll()
                    : o.releasePart(qty * (o.price() > 0 ? o.price() : o.reservedCash() / Math.max(1, qty)));
            account.releaseCash(share);
        } else {
            Holding h = account.holding(o.code());
            if (h != null) {
                h.release(qty);
            }
        }
    }

    private long commission(long amount) {
        return (long) Math.floor(amount * settings.commissionRate());
    }

    private String orderNo() {
        return String.format("%010d", nextOrderNo++);
    }

    private static String normalise(String odno) {
        if (odno == null) return "";
        String t = odno.trim();
        return t.matches("\\d{1,10}") ? String.format("%010d", Long.parseLong(t)) : t;
    }

    private void emit(OrderEvent event) {
        for (OrderEventListener l : listeners) {
            l.onOrderEvent(event);
        }
    }
}
