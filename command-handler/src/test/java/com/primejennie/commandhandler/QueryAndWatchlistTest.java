package com.primejennie.commandhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.TradeLogEntry;
import com.primejennie.shared.persistence.TradeLogRepository;
import com.primejennie.shared.persistence.TradeType;
import com.primejennie.shared.persistence.WatchlistEntry;
import com.primejennie.shared.persistence.WatchlistRepository;
import com.primejennie.shared.trading.TradingFlags;

/** /status, /portfolio, /pnl, /balance, /price and the watchlist commands over the fake Telegram. */
class QueryAndWatchlistTest extends BotTestBase {

    @Autowired
    ActivePortfolioRepository portfolio;
    @Autowired
    TradeLogRepository tradeLog;
    @Autowired
    WatchlistRepository watchlist;
    @Autowired
    TradingFlags flags;

    @Test
    void statusShowsModeFlagsDryRunAndKoreaTime() {
        flags.pause("점검", null);

        assertThat(say("/status")).contains("🧪 모드: MOCK").contains("일시 중지 - 점검").contains("긴급 중지: ✅ 정상")
                .contains("DRY_RUN: OFF").contains("2026-02-12 10:00:00 (KST)");
    }

    @Test
    void portfolioValuesEachHoldingAtTheLivePrice() {
        portfolio.recordBuy("005930", "삼성전자", 10, 70000, BigDecimal.valueOf(65000));

        assertThat(say("/portfolio")).contains("1. 삼성전자 (005930)").contains("10주 | 평단: 70,000원")
                .contains("현재: 71,000원 | 📈 +1.43%").contains("총 평가금액: 710,000원")
                .contains("총 손익: +10,000원 (+1.43%)");
    }

    @Test
    void portfolioWhenEmpty() {
        assertThat(say("/portfolio")).contains("보유 종목이 없습니다");
    }

    @Test
    void pnlCountsTodaysKrxTradingDayFromMidnightKst() {
        // 08:30 KST today = 23:30 UTC yesterday: the Python bot (UTC day) missed it
        tradeLog.insert(TradeLogEntry.of("005930", TradeType.BUY, 10, 70000, "buy",
                LocalDateTime.of(2026, 2, 11, 23, 30), "MANUAL", null, null));
        tradeLog.insert(TradeLogEntry.of("005930", TradeType.SELL, 10, 72000, "sell",
                LocalDateTime.of(2026, 2, 12, 0, 40), "MANUAL", "{\"profit_amount\": 18500.0}", null));
        tradeLog.insert(TradeLogEntry.of("000660", TradeType.SELL, 1, 190000, "sell",
                LocalDateTime.of(2026, 2, 11, 14, 0), "MANUAL", "{\"profit_amount\": -99999}", null));

        assertThat(say("/pnl")).contains("2026-02-12").contains("매수: 1건").contains("매도: 1건")
                .contains("실현손익: +18,500원");
    }

    @Test
    void pnlWithoutTrades() {
        assertThat(say("/pnl")).contains("거래 내역이 없습니다");
    }

    @Test
    void balanceShowsTheOrderableCash() {
        assertThat(say("/balance")).contains("10,000,000원");
    }

    @Test
    void priceShowsPriceHighLowAndChangeAgainstTheOpen() {
        assertThat(say("/price 삼성전자")).contains("삼성전자 (005930)").contains("현재가: 71,000원")
                .contains("고가: 72,300원").contains("저가: 70,800원").contains("시가 대비").contains("+0.00%");
        assertThat(say("/price")).contains("사용법");
        assertThat(say("/price 없는회사")).contains("종목을 찾을 수 없습니다");
    }

    @Test
    void anUnlistedSixDigitCodeIsAcceptedWithTheCodeAsName() {
        assertThat(say("/price 123456")).contains("123456 (123456)");
    }

    @Test
    void watchAddsATradableTier1RowAndLeavesOtherRowsAlone() {
        watchlist.upsert(new WatchlistEntry("000660", "SK하이닉스", true, "TIER2", 85.0, "scout",
                LocalDateTime.of(2026, 2, 1, 0, 0), null, null, null, null, null, null, null, null));

        assertThat(say("/watch 삼성전자")).contains("추가했습니다").contains("삼성전자 (005930)");

        WatchlistEntry added = watchlist.find("005930").orElseThrow();
        assertThat(added.tradable()).isTrue();
        assertThat(added.tradeTier()).isEqualTo("TIER1");
        assertThat(added.llmScore()).isEqualTo(50.0);
        assertThat(added.llmReason()).isEqualTo("[Telegram /watch 명령으로 수동 추가]");
        assertThat(watchlist.find("000660")).as("an old Scout row survives").isPresent();
        assertThat(say("/watch 005930")).contains("이미 관심종목");
        assertThat(say("/watch")).contains("사용법");
    }

    @Test
    void unwatchRemovesTheRow() {
        say("/watch 삼성전자");

        assertThat(say("/unwatch 삼성전자")).contains("삭제했습니다");
        assertThat(watchlist.find("005930")).isEmpty();
        assertThat(say("/unwatch 삼성전자")).contains("관심종목에 없는 종목");
        assertThat(say("/unwatch")).contains("사용법");
    }

    @Test
    void watchlistSortsByScoreWithEmojiAndTradableMark() {
        watchlist.upsert(new WatchlistEntry("000660", "SK하이닉스", false, "BLOCKED", 85.0, "scout", null, null,
                null, null, null, null, null, null, null));
        say("/watch 삼성전자");

        String reply = say("/watchlist");

        assertThat(reply).contains("1. ⏸️ SK하이닉스 (000660) 🔥 85점").contains("2. ✅ 삼성전자 (005930) ➖ 50점");
    }

    @Test
    void watchlistWhenEmpty() {
        assertThat(say("/watchlist")).contains("관심종목이 없습니다");
    }
}
