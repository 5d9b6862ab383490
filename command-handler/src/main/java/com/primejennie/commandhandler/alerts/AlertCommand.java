package com.primejennie.commandhandler.alerts;

import java.time.Duration;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.commandhandler.stocks.StockResolver;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.market.MarketClock;

/**
 * {@code /alert <종목> <가격|삭제>}: sets (overwrites) or deletes the stock's price alert. Above or below is decided
 * against the current price; when no price can be read, "above" ("도달").
 */
public final class AlertCommand implements Command {

    static final Duration TTL = Duration.ofDays(7);
    static final Set<String> DELETE_WORDS = Set.of("삭제", "delete", "remove", "del");

    private final StockResolver stocks;
    private final KisClient kis;
    private final StringRedisTemplate redis;
    private final MarketClock clock;

    public AlertCommand(StockResolver stocks, KisClient kis, StringRedisTemplate redis, MarketClock clock) {
        this.stocks = stocks;
        this.kis = kis;
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alert";
    }

    @Override
    public String usage() {
        return "/alert <종목> <가격|삭제>";
    }

    @Override
    public String description() {
        return "가격 알림 설정·삭제 (7일 유효)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.NOTIFICATIONS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        if (!request.hasArgs()) {
            return Reply.rejected("📝 사용법: `/alert <종목> <가격>` 또는 `/alert <종목> 삭제`\n예: `/alert 삼성전자 75000`");
        }
        if (request.args().size() < 2) {
            return Reply.rejected("❓ 종목과 가격을 모두 입력하세요.\n예: `/alert 삼성전자 75000`");
        }
        var stock = stocks.resolve(request.arg(0)).orElse(null);
        if (stock == null) {
            return Reply.rejected(StockResolver.notFound(request.arg(0)));
        }
        String key = PriceAlert.key(stock.code());
        if (DELETE_WORDS.contains(request.arg(1).toLowerCase())) {
            return Boolean.TRUE.equals(redis.delete(key)) ? Reply.done("🗑️ 가격 알림을 삭제했습니다: " + stock.label())
                    : Reply.rejected("ℹ️ 설정된 가격 알림이 없습니다: " + stock.label());
        }
        String cleaned = request.arg(1).replace(",", "").replace("원", "");
        Integer target = Texts.positiveInt(cleaned);
        if (target == null) {
            return Reply.rejected("❓ 가격이 올바르지 않습니다: " + request.arg(1));
        }
        Long current = null;
        try {
            long p = kis.currentPrice(stock.code()).price();
            current = p > 0 ? p : null;
        } catch (RuntimeException e) {
            // no price: "above", labelled 도달
        }
        String type = current == null || target > current ? "above" : "below";
        PriceAlert alert = new PriceAlert(stock.code(), stock.name(), target, type,
                WireTime.format(clock.instant()), false);
        redis.opsForValue().set(key, alert.toJson(), TTL);
        String label = current == null ? "도달" : "above".equals(type) ? "⬆️ 이상" : "⬇️ 이하";
        StringBuilder sb = new StringBuilder("🔔 *가격 알림 설정*\n종목: " + stock.label() + "\n목표가: "
                + Texts.won(target) + "원 " + label);
        if (current != null) {
            long diff = target - current;
            sb.append("\n현재가: ").append(Texts.won(current)).append("원 (차이 ").append(diff >= 0 ? "+" : "")
                    .append(Texts.won(diff)).append("원, ").append(Texts.pct(diff * 100.0 / current)).append("%)");
        }
        sb.append("\n⏰ 7일간 유효합니다.");
        return Reply.done(sb.toString());
    }
}
