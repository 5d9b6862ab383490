package com.primejennie.dashboard.orders;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.portfolio.PriceSource;
import com.primejennie.dashboard.web.ApiException;
import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.audit.AuditOutcome;
import com.primejennie.shared.audit.AuditSource;
import com.primejennie.shared.audit.CommandAuditEntry;
import com.primejennie.shared.audit.CommandAuditLog;
import com.primejennie.shared.manual.ManualActor;
import com.primejennie.shared.manual.ManualBuy;
import com.primejennie.shared.manual.ManualOrderPublisher;
import com.primejennie.shared.manual.ManualOrderResult;
import com.primejennie.shared.manual.ManualSell;
import com.primejennie.shared.manual.ManualTradeLimits;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.Position;

/**
 * {@code POST /api/portfolio/order}: the operator's manual buy or sell, published exactly as the Telegram bot
 * publishes it (shared {@link ManualOrderPublisher}: same payload, same rate and daily limits) and audited in
 * {@code COMMAND_AUDIT} with source {@code dashboard}, whatever the outcome. The executors place the order through
 * the order service; the answer is the stream message id. The Python endpoint answered a fake "accepted" and placed
 * nothing [DEFECT, fixed].
 *
 * <p>Checked here before publishing: the request itself (code, quantity, side, type, a LIMIT's price), a halt or
 * unadopted reconciliation mismatch on the stock for a buy (fail closed, as the executor would), and for a sell that
 * the position is held with at least that quantity. A sell is a market sell: the sell path takes no limit price.
 */
@Service
public class ManualOrderService {

    private static final Logger log = LoggerFactory.getLogger(ManualOrderService.class);

    private final ManualOrderPublisher publisher;
    private final CommandAuditLog audit;
    private final OrderSafetyView safety;
    private final ActivePortfolioRepository portfolio;
    private final PriceSource prices;
    private final JdbcClient jdbc;

    public ManualOrderService(ManualOrderPublisher publisher, CommandAuditLog audit, OrderSafetyView safety,
                              ActivePortfolioRepository portfolio, PriceSource prices, JdbcClient jdbc) {
        this.publisher = publisher;
        this.audit = audit;
        this.safety = safety;
        this.portfolio = portfolio;
        this.prices = prices;
        this.jdbc = jdbc;
    }

    public Map<String, Object> place(ManualOrderRequest request, String user) {
        ManualActor actor = ManualActor.dashboard(user);
        String arguments = describe(request);
        try {
            Map<String, Object> answer = placeChecked(request, actor);
            record(actor, arguments, AuditOutcome.EXECUTED, "published " + answer.get("message_id") + " on "
                    + answer.get("stream"));
            return answer;
        } catch (Refused e) {
            record(actor, arguments, e.outcome, e.getMessage());
            throw new ApiException(e.status, e.getMessage());
        } catch (RuntimeException e) {
            record(actor, arguments, AuditOutcome.FAILED, e.toString());
            throw e;
        }
    }

    private Map<String, Object> placeChecked(ManualOrderRequest r, ManualActor actor) {
        String code = r.stock_code() == null ? "" : r.stock_code().trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[0-9A-Z]{6}")) {
            throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED,
                    "stock_code must be 6 digits or capitals, was '" + r.stock_code() + "'");
        }
        if (r.quantity() == null || r.quantity() <= 0) {
            throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, "quantity must be a positive number "
                    + "of shares, was " + r.quantity());
        }
        String side = r.side() == null ? "" : r.side().trim().toUpperCase(Locale.ROOT);
        if (!side.equals("BUY") && !side.equals("SELL")) {
            throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, "side must be BUY or SELL, was '"
                    + r.side() + "'");
        }
        String type = r.order_type() == null ? "MARKET" : r.order_type().trim().toUpperCase(Locale.ROOT);
        if (!type.equals("MARKET") && !type.equals("LIMIT")) {
            throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, "order_type must be LIMIT or MARKET, "
                    + "was '" + r.order_type() + "'");
        }
        long price = r.price() == null ? 0 : r.price();
        if (type.equals("LIMIT") && price <= 0) {
            throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, "a LIMIT order needs price > 0");
        }
        ManualTradeLimits.Check rate = publisher.limits().checkRate(actor);
        if (!rate.allowed()) {
            throw new Refused(rate.decision() == ManualTradeLimits.Decision.UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS, AuditOutcome.RATE_LIMITED,
                    rate.reason());
        }
        String name = name(code);
        ManualOrderResult result;
        if (side.equals("BUY")) {
            Optional<String> block = safety.buyBlock(code);
            if (block.isPresent()) {
                throw new Refused(HttpStatus.CONFLICT, AuditOutcome.REJECTED, "buy of " + code + " blocked: "
                        + block.get());
            }
            Long now = prices.prices(List.of(code)).get(code);
            long current = now != null ? now : type.equals("LIMIT") ? price : 0;
            if (current <= 0) {
                throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, "no current price known for "
                        + code + "; send a LIMIT order with its price");
            }
            result = publisher.buy(new ManualBuy(actor, code, name, current, r.quantity(),
                    type.equals("LIMIT") ? price : null));
        } else {
            if (type.equals("LIMIT")) {
                throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, "a manual sell is a market sell; "
                        + "the sell path takes no limit price (send order_type MARKET)");
            }
            Position held = portfolio.find(code).orElse(null);
            if (held == null || held.quantity() <= 0) {
                throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, code + " is not held");
            }
            if (held.quantity() < r.quantity()) {
                throw new Refused(HttpStatus.BAD_REQUEST, AuditOutcome.REJECTED, "only " + held.quantity()
                        + " shares of " + code + " are held, asked to sell " + r.quantity());
            }
            result = publisher.sell(new ManualSell(actor, code, held.stockName() == null ? name : held.stockName(),
                    r.quantity()));
        }
        switch (result.status()) {
            case PUBLISHED -> {
                log.info("manual {} {} x{} ({}) by {} published as {} on {}", side, code, r.quantity(), type,
                        actor.user(), result.messageId(), result.stream());
                return Shape.of("status", "published", "order_id", result.messageId(), "message_id",
                        result.messageId(), "stream", result.stream(), "side", side, "stock_code", code,
                        "stock_name", name, "quantity", r.quantity(), "order_type", type,
                        "limit_price", type.equals("LIMIT") ? price : null, "dry_run", result.dryRun(),
                        "used_today", result.usedToday(), "daily_limit", result.dailyLimit(),
                        "message", "주문이 " + result.stream() + " 에 등록되었습니다 (" + result.messageId() + ")");
            }
            case LIMIT_REACHED -> throw new Refused(HttpStatus.TOO_MANY_REQUESTS, AuditOutcome.LIMIT_REACHED,
                    result.reason());
            case LIMITS_UNAVAILABLE -> throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, AuditOutcome.RATE_LIMITED,
                    result.reason());
            default -> throw new Refused(HttpStatus.BAD_GATEWAY, AuditOutcome.FAILED, "order not published: "
                    + result.reason());
        }
    }

    private String name(String code) {
        return jdbc.sql("SELECT COALESCE((SELECT STOCK_NAME FROM STOCK_MASTER WHERE STOCK_CODE = ?), "
                        + "(SELECT STOCK_NAME FROM WATCHLIST WHERE STOCK_CODE = ?))").params(code, code)
                .query(String.class).optional().orElse(code);
    }

    private void record(ManualActor actor, String arguments, AuditOutcome outcome, String detail) {
        try {
            audit.record(CommandAuditEntry.of(AuditSource.DASHBOARD, actor.id(), actor.user(), "order", arguments,
                    outcome, detail));
        } catch (RuntimeException e) {
            log.error("could not audit dashboard order {} ({}): {}", arguments, outcome, e.getMessage());
        }
    }

    private static String describe(ManualOrderRequest r) {
        return r.side() + " " + r.stock_code() + " " + r.quantity() + " " + r.order_type()
                + (r.price() == null || r.price() == 0 ? "" : " " + r.price());
    }

    /** A refusal with its HTTP status and audit outcome. */
    private static final class Refused extends RuntimeException {

        private final HttpStatus status;
        private final AuditOutcome outcome;

        Refused(HttpStatus status, AuditOutcome outcome, String message) {
            super(message == null ? outcome.name() : message);
            this.status = status;
            this.outcome = outcome;
        }
    }
}
