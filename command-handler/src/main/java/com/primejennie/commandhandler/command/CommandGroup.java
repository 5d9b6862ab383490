package com.primejennie.commandhandler.command;

/** The groups of {@code /help}, in its order. */
public enum CommandGroup {
    CONTROL("🎛️ 거래 제어"),
    MANUAL("💰 수동 거래"),
    QUERY("📊 조회"),
    WATCHLIST("👀 관심종목"),
    NOTIFICATIONS("🔔 알림"),
    SETTINGS("⚙️ 설정"),
    SAFETY("🛡️ 주문 안전"),
    DIAGNOSTICS("🩺 진단");

    private final String title;

    CommandGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
