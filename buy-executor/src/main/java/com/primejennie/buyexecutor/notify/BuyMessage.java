package com.primejennie.buyexecutor.notify;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The Telegram text of a buy (spec buy-path §3.7), in the shared notifier's markup ({@code *bold*} becomes HTML
 * bold, so no literal markers show — the Python sender escaped them).
 */
public final class BuyMessage {

    private BuyMessage() {
    }

    public record Content(boolean mock, boolean dryRun, boolean superPrime, String name, String code, long price,
                          long quantity, String signalType, double llmScore, String tier, List<String> tier2Met,
                          String orderType, String state) {
    }

    public static String render(Content c) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.KOREA);
        StringBuilder s = new StringBuilder();
        if (c.mock()) {
            s.append("[MOCK 테스트]\n");
        }
        if (c.dryRun()) {
            s.append("[DRY RUN - 실제 주문 없음]\n");
        }
        s.append(c.superPrime() ? "🚨 *[긴급/강력매수] SUPER PRIME 체결* 🚨" : "💰 *매수 체결*").append('\n');
        s.append("종목: *").append(c.name()).append("* (").append(c.code()).append(")\n");
        s.append("가격: ").append(n.format(c.price())).append("원\n");
        s.append("수량: ").append(n.format(c.quantity())).append("주\n");
        s.append("총액: ").append(n.format(c.price() * c.quantity())).append("원\n");
        s.append("신호: ").append(c.signalType()).append('\n');
        s.append("LLM 점수: ").append(String.format(Locale.ROOT, "%.1f", c.llmScore())).append('\n');
        s.append(switch (c.tier()) {
            case "TIER1" -> "✅ TIER1 (Judge 통과)";
            case "RECON" -> "🕵️ RECON (정찰병: 소액 진입)";
            default -> "⚡ TIER2 (Judge 미통과, 기술적 신호로 매수)";
        });
        if (!"TIER1".equals(c.tier()) && c.tier2Met() != null) {
            for (String met : c.tier2Met().stream().limit(4).toList()) {
                s.append("\n  • ").append(met);
            }
        }
        s.append("\n주문: ").append(c.orderType()).append(" / ").append(c.state());
        return s.toString();
    }
}
