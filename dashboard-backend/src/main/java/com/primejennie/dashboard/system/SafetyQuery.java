package com.primejennie.dashboard.system;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.Reconciliation;

/** Halts and reconciliation mismatches from the order service's read-only {@link OrderSafetyView}. */
@Service
public class SafetyQuery {

    private final OrderSafetyView safety;

    public SafetyQuery(OrderSafetyView safety) {
        this.safety = safety;
    }

    public Map<String, Object> halts() {
        List<Map<String, Object>> halts = safety.halts().stream().map(h -> Shape.of("stock_code", h.code(),
                "intent_key", h.intentKey(), "reason", h.reason(),
                "since", h.since() == null ? null : h.since().toString())).toList();
        Map<String, Object> reconciliation = safety.reconciliation().map(SafetyQuery::reconciliation)
                .orElse(Shape.of("checked_at", null, "clean", true, "mismatches", List.of(), "unmanaged", List.of(),
                        "in_flight", List.of()));
        return Shape.of("halts", halts, "halt_count", halts.size(), "reconciliation", reconciliation,
                "mismatch_count", ((List<?>) reconciliation.get("mismatches")).size());
    }

    private static Map<String, Object> reconciliation(Reconciliation r) {
        return Shape.of("checked_at", r.checkedAt() == null ? null : r.checkedAt().toString(), "clean", r.clean(),
                "mismatches", r.mismatches().stream().map(m -> Shape.of("stock_code", m.code(), "stock_name",
                        m.name(), "broker_quantity", m.brokerQuantity(), "portfolio_quantity", m.portfolioQuantity(),
                        "broker_average_price", m.brokerAveragePrice())).toList(),
                "unmanaged", r.unmanaged(), "in_flight", r.inFlight());
    }
}
