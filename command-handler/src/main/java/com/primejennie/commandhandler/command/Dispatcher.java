package com.primejennie.commandhandler.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.commandhandler.telegram.IncomingMessage;
import com.primejennie.commandhandler.telegram.TelegramBotApi;
import com.primejennie.shared.audit.AuditOutcome;
import com.primejennie.shared.audit.AuditSource;
import com.primejennie.shared.audit.CommandAuditEntry;
import com.primejennie.shared.audit.CommandAuditLog;
import com.primejennie.shared.manual.ManualTradeLimits;

/**
 * Runs one incoming message (spec §1.3, with the fixes): authorisation first (an unauthorised chat gets no
 * answer, only an audit row), then parsing (text that is not a command is ignored), the per-chat rate limit, the
 * command, the reply, and always the audit row. A command that throws is answered {@code ❌ 명령 처리 실패}.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** What became of a message, for the cycle counts. */
    public enum Handled { PROCESSED, FAILED, IGNORED }

    private final CommandTable table;
    private final ChatAuthorization authorization;
    private final ManualTradeLimits limits;
    private final CommandAuditLog audit;
    private final TelegramBotApi api;

    public Dispatcher(CommandTable table, ChatAuthorization authorization, ManualTradeLimits limits,
                      CommandAuditLog audit, TelegramBotApi api) {
        this.table = table;
        this.authorization = authorization;
        this.limits = limits;
        this.audit = audit;
        this.api = api;
    }

    public Handled handle(IncomingMessage message) {
        String text = message.text().trim();
        CommandRequest request = parse(message, text);
        if (!authorization.allows(message.chatId())) {
            log.warn("ignored a message from unauthorised chat {} (user {})", message.chatId(), message.username());
            record(message, request == null ? "(text)" : request.command(),
                    request == null ? abbreviate(text) : request.joinedArgs(), AuditOutcome.UNAUTHORIZED,
                    "chat not allowed");
            return Handled.IGNORED;
        }
        if (request == null) {
            return Handled.IGNORED;
        }
        Command command = table.find(request.command()).orElse(null);
        if (command == null) {
            reply(message.chatId(), "❓ 알 수 없는 명령어입니다: /" + request.command() + "\n/help 로 명령어 목록을 확인하세요.");
            record(message, request.command(), request.joinedArgs(), AuditOutcome.REJECTED, "unknown command");
            return Handled.PROCESSED;
        }
        ManualTradeLimits.Check rate = limits.checkRate(request.actor());
        if (rate.decision() == ManualTradeLimits.Decision.LIMITED) {
            reply(message.chatId(), "⏳ 명령이 너무 빠릅니다. " + rate.retryAfter() + "초 후 다시 시도하세요.");
            record(message, command.name(), request.joinedArgs(), AuditOutcome.RATE_LIMITED, rate.reason());
            return Handled.PROCESSED;
        }
        if (rate.decision() == ManualTradeLimits.Decision.UNAVAILABLE && command.trading()) {
            reply(message.chatId(), "⛔ 명령 제한을 확인할 수 없어 거래 명령을 실행하지 않았습니다. (Redis 확인 필요)");
            record(message, command.name(), request.joinedArgs(), AuditOutcome.RATE_LIMITED, rate.reason());
            return Handled.FAILED;
        }
        Reply reply;
        try {
            reply = command.execute(request);
        } catch (RuntimeException e) {
            log.warn("/{} failed: {}", command.name(), e.toString(), e);
            reply = Reply.failed("❌ 명령 처리 실패: " + e.getMessage());
        }
        reply(message.chatId(), reply.text());
        record(message, command.name(), request.joinedArgs(), reply.outcome(), reply.auditDetail());
        return reply.outcome() == AuditOutcome.FAILED ? Handled.FAILED : Handled.PROCESSED;
    }

    /** Parses {@code /name@bot args…}; null when the text is not a command. */
    static CommandRequest parse(IncomingMessage m, String text) {
        if (!text.startsWith("/") || text.length() < 2) {
            return null;
        }
        String[] tokens = text.substring(1).trim().split("\\s+");
        String name = tokens[0].toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        if (name.isEmpty()) {
            return null;
        }
        List<String> args = Arrays.asList(tokens).subList(1, tokens.length);
        return new CommandRequest(m.updateId(), m.chatId(), m.username(), name, args, text);
    }

    private void reply(String chatId, String text) {
        if (!api.sendMessage(chatId, text)) {
            log.warn("reply to chat {} was not delivered", chatId);
        }
    }

    private void record(IncomingMessage m, String command, String args, AuditOutcome outcome, String detail) {
        try {
            audit.record(CommandAuditEntry.of(AuditSource.TELEGRAM, m.chatId(), m.username(), command, args, outcome,
                    detail));
        } catch (RuntimeException e) {
            log.error("audit row for /{} from chat {} ({}) not written: {}", command, m.chatId(), outcome,
                    e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
