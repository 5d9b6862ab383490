package com.primejennie.commandhandler.manual;

import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.audit.AuditOutcome;
import com.primejennie.shared.manual.ManualOrderResult;

/** The replies of a manual order that was not published, shared by /buy and /sell. */
final class ManualReplies {

    private ManualReplies() {
    }

    static Reply notPublished(ManualOrderResult r, String what) {
        return switch (r.status()) {
            case LIMIT_REACHED -> Reply.of(AuditOutcome.LIMIT_REACHED,
                    "⛔ 일일 수동 거래 한도를 초과했습니다. (최대 " + r.dailyLimit() + "건)");
            case LIMITS_UNAVAILABLE -> Reply.failed("⛔ 수동 거래 한도를 확인할 수 없어 " + what
                    + " 요청을 보내지 않았습니다. (Redis 확인 필요)");
            case PUBLISH_FAILED -> Reply.failed("❌ " + what + " 요청 실패: " + r.reason());
            case PUBLISHED -> throw new IllegalArgumentException("published");
        };
    }

    static String dryRunLine(boolean dryRun) {
        return dryRun ? "\n\n🧪 DRY_RUN 모드: 실제 주문은 전송되지 않습니다." : "";
    }
}
