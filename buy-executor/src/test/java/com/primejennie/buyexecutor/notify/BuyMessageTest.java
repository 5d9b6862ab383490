package com.primejennie.buyexecutor.notify;

import com.primejennie.shared.notify.TelegramMarkup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BuyMessageTest {

    @Test
    void rendersBoldAsHtmlWithoutLiteralMarkers() {
        String text = BuyMessage.render(new BuyMessage.Content(false, false, false, "삼성전자", "005930", 71_200, 36,
                "MOMENTUM", 72.5, "TIER1", List.of(), "market", "FILLED"));
        String html = TelegramMarkup.toHtml(text);
        assertThat(html).contains("<b>매수 체결</b>").contains("<b>삼성전자</b> (005930)")
                .contains("가격: 71,200원").contains("수량: 36주").contains("총액: 2,563,200원")
                .contains("LLM 점수: 72.5").contains("✅ TIER1 (Judge 통과)").doesNotContain("*");
    }

    @Test
    void dryRunMockSuperPrimeAndTier2LinesInSpecOrder() {
        String text = BuyMessage.render(new BuyMessage.Content(true, true, true, "A", "000001", 1000, 1,
                "GOLDEN_CROSS_SUPER_PRIME", 50, "TIER2", List.of("a", "b", "c", "d", "e"), "market", "DRY_RUN"));
        assertThat(text).startsWith("[MOCK 테스트]\n[DRY RUN - 실제 주문 없음]\n🚨 *[긴급/강력매수] SUPER PRIME 체결* 🚨");
        assertThat(text).contains("⚡ TIER2 (Judge 미통과, 기술적 신호로 매수)").contains("• d").doesNotContain("• e");
    }
}
