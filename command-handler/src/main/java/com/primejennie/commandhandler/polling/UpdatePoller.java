package com.primejennie.commandhandler.polling;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.commandhandler.command.Dispatcher;
import com.primejennie.commandhandler.telegram.BotProperties;
import com.primejennie.commandhandler.telegram.IncomingMessage;
import com.primejennie.commandhandler.telegram.TelegramBotApi;

/**
 * One poll cycle: hold the lease, {@code getUpdates} from the stored offset, and for each update first advance the
 * stored offset past it, then hand it to the {@link Dispatcher}. Synchronized, so {@code POST /poll} and the loop
 * never run a cycle at once.
 */
public class UpdatePoller {

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private final BotProperties properties;
    private final TelegramBotApi api;
    private final UpdateOffsetStore offsets;
    private final PollerLease lease;
    private final Dispatcher dispatcher;

    public UpdatePoller(BotProperties properties, TelegramBotApi api, UpdateOffsetStore offsets, PollerLease lease,
                        Dispatcher dispatcher) {
        this.properties = properties;
        this.api = api;
        this.offsets = offsets;
        this.lease = lease;
        this.dispatcher = dispatcher;
    }

    public synchronized CycleResult pollOnce() {
        if (!properties.configured()) {
            return new CycleResult("error", 0, 0, 0, "no Telegram bot token configured");
        }
        if (!lease.acquire()) {
            return CycleResult.nothing("another instance holds the poller lease (" + PollerLease.KEY
                    + "), or Redis is unreachable: not polling");
        }
        long offset;
        List<IncomingMessage> updates;
        try {
            offset = offsets.next();
            updates = api.getUpdates(offset);
        } catch (RuntimeException e) {
            log.warn("getUpdates failed: {}", e.getMessage());
            return new CycleResult("error", 0, 0, 0, e.getMessage());
        }
        int processed = 0;
        int failed = 0;
        int commands = 0;
        for (IncomingMessage update : updates) {
            if (update.updateId() < offset) {
                continue; // already taken: never again
            }
            try {
                offsets.advanceTo(update.updateId() + 1);
            } catch (RuntimeException e) {
                // without a stored offset a restart could run it twice: leave it for the next cycle
                log.warn("cannot store the update offset ({}); update {} left for the next cycle", e.getMessage(),
                        update.updateId());
                return new CycleResult("error", processed, failed, commands, e.getMessage());
            }
            if (update.chatId() == null) {
                continue;
            }
            switch (dispatcher.handle(update)) {
                case PROCESSED -> {
                    processed++;
                    commands++;
                }
                case FAILED -> {
                    failed++;
                    commands++;
                }
                case IGNORED -> { }
            }
        }
        if (commands == 0) {
            return CycleResult.nothing("No pending commands");
        }
        return new CycleResult("success", processed, failed, commands, null);
    }
}
