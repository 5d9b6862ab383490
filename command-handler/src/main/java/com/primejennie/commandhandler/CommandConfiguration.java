package com.primejennie.commandhandler;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.commandhandler.alerts.AlertCommand;
import com.primejennie.commandhandler.alerts.AlertsCommand;
import com.primejennie.commandhandler.alerts.MuteCommand;
import com.primejennie.commandhandler.alerts.UnmuteCommand;
import com.primejennie.commandhandler.command.ChatAuthorization;
import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandTable;
import com.primejennie.commandhandler.command.Dispatcher;
import com.primejennie.commandhandler.control.DryRunCommand;
import com.primejennie.commandhandler.control.PauseCommand;
import com.primejennie.commandhandler.control.ResumeCommand;
import com.primejennie.commandhandler.control.StopCommand;
import com.primejennie.commandhandler.diagnose.DiagnoseCommand;
import com.primejennie.commandhandler.diagnose.Diagnosis;
import com.primejennie.commandhandler.diagnose.HelpCommand;
import com.primejennie.commandhandler.manual.BuyCommand;
import com.primejennie.commandhandler.manual.SellAllCommand;
import com.primejennie.commandhandler.manual.SellCommand;
import com.primejennie.commandhandler.polling.PollerLease;
import com.primejennie.commandhandler.polling.PollingLoop;
import com.primejennie.commandhandler.polling.UpdateOffsetStore;
import com.primejennie.commandhandler.polling.UpdatePoller;
import com.primejennie.commandhandler.query.BalanceCommand;
import com.primejennie.commandhandler.query.PnlCommand;
import com.primejennie.commandhandler.query.PortfolioCommand;
import com.primejennie.commandhandler.query.PriceCommand;
import com.primejennie.commandhandler.query.StatusCommand;
import com.primejennie.commandhandler.safety.BuyExecutorClient;
import com.primejennie.commandhandler.safety.HaltsCommand;
import com.primejennie.commandhandler.safety.LocksCommand;
import com.primejennie.commandhandler.safety.SyncCommand;
import com.primejennie.commandhandler.safety.UnhaltCommand;
import com.primejennie.commandhandler.settings.ConfigCommand;
import com.primejennie.commandhandler.settings.MaxBuyCommand;
import com.primejennie.commandhandler.settings.MinScoreCommand;
import com.primejennie.commandhandler.settings.RiskCommand;
import com.primejennie.commandhandler.settings.SettingWriter;
import com.primejennie.commandhandler.stocks.StockResolver;
import com.primejennie.commandhandler.telegram.BotProperties;
import com.primejennie.commandhandler.telegram.TelegramBotApi;
import com.primejennie.commandhandler.watch.UnwatchCommand;
import com.primejennie.commandhandler.watch.WatchCommand;
import com.primejennie.commandhandler.watch.WatchlistCommand;
import com.primejennie.shared.audit.CommandAuditLog;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.manual.ManualOrderPublisher;
import com.primejennie.shared.manual.ManualTradeLimits;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.notify.MuteSwitch;
import com.primejennie.shared.notify.TelegramProperties;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.OrderService;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.ConfigRepository;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.persistence.TradeLogRepository;
import com.primejennie.shared.persistence.WatchlistRepository;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.trading.DryRunResolver;
import com.primejennie.shared.trading.TradingFlags;

/**
 * The bot's wiring, and <b>the command table in one place</b> ({@link #commandTable}): every command the bot obeys,
 * in {@code /help} order. The Python bot's 26 names (with {@code report} an alias of {@code diagnose}) and the four
 * order-safety commands of the issue.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotProperties.class)
public class CommandConfiguration {

    @Bean
    CommandTable commandTable(TradingFlags flags, DryRunResolver dryRun, StockResolver stocks, KisClient kis,
                              ManualOrderPublisher publisher, ActivePortfolioRepository portfolio,
                              TradeLogRepository tradeLog, WatchlistRepository watchlist, TradingDay tradingDay,
                              StringRedisTemplate redis, MarketClock clock, TelegramProperties telegram,
                              SettingWriter settings, ManualTradeLimits limits, OrderSafetyView safety,
                              ObjectProvider<OrderService> orders, BuyExecutorClient executor, Diagnosis diagnosis,
                              @Value("${jennie.trading-mode:MOCK}") String tradingMode) {
        MuteSwitch mute = new MuteSwitch(redis, telegram.muteKey(), clock);
        AtomicReference<CommandTable> self = new AtomicReference<>();
        List<Command> commands = List.of(
                // trading control
                new PauseCommand(flags),
                new ResumeCommand(flags),
                new StopCommand(flags),
                new DryRunCommand(flags, dryRun),
                // manual trading
                new BuyCommand(stocks, kis, publisher),
                new SellCommand(stocks, portfolio, publisher),
                new SellAllCommand(portfolio, publisher),
                // queries
                new StatusCommand(flags, dryRun, clock, tradingMode),
                new PortfolioCommand(portfolio, kis),
                new PnlCommand(tradeLog, tradingDay),
                new BalanceCommand(kis),
                new PriceCommand(stocks, kis),
                // watchlist
                new WatchCommand(stocks, watchlist),
                new UnwatchCommand(stocks, watchlist),
                new WatchlistCommand(watchlist),
                // notifications
                new MuteCommand(redis, clock, telegram.muteKey()),
                new UnmuteCommand(redis, telegram.muteKey()),
                new AlertCommand(stocks, kis, redis, clock),
                new AlertsCommand(redis),
                // settings
                new RiskCommand(settings),
                new MinScoreCommand(settings),
                new MaxBuyCommand(settings),
                new ConfigCommand(flags, dryRun, settings, mute, limits, clock),
                // order safety
                new SyncCommand(safety, executor),
                new HaltsCommand(safety),
                new UnhaltCommand(safety, orders.getIfAvailable()),
                new LocksCommand(redis),
                // diagnostics
                new DiagnoseCommand(diagnosis),
                new HelpCommand(self::get));
        CommandTable table = new CommandTable(commands);
        self.set(table);
        return table;
    }

    @Bean
    StockResolver stockResolver(StockMasterRepository master) {
        return new StockResolver(master);
    }

    @Bean
    SettingWriter settingWriter(ConfigRepository config, RuntimeSettings settings) {
        return new SettingWriter(config, settings);
    }

    @Bean
    BuyExecutorClient buyExecutorClient(BotProperties properties) {
        return new BuyExecutorClient(properties.buyExecutorUrl(), properties.internalToken());
    }

    @Bean
    Diagnosis diagnosis(StringRedisTemplate redis, DataSource dataSource, ObjectProvider<KisComponents> kis,
                        OrderSafetyView safety, BotProperties properties, MarketClock clock) {
        return new Diagnosis(redis, dataSource, kis.getIfAvailable(), safety, properties.services(), clock);
    }

    @Bean
    TelegramBotApi telegramBotApi(BotProperties properties) {
        return new TelegramBotApi(properties);
    }

    @Bean
    ChatAuthorization chatAuthorization(BotProperties properties) {
        return new ChatAuthorization(properties.obeyedChats());
    }

    @Bean
    Dispatcher dispatcher(CommandTable table, ChatAuthorization authorization, ManualTradeLimits limits,
                          CommandAuditLog audit, TelegramBotApi api) {
        return new Dispatcher(table, authorization, limits, audit, api);
    }

    @Bean
    UpdateOffsetStore updateOffsetStore(StringRedisTemplate redis) {
        return new UpdateOffsetStore(redis);
    }

    @Bean
    PollerLease pollerLease(StringRedisTemplate redis, BotProperties properties) {
        return new PollerLease(redis, properties.leaseTtl());
    }

    @Bean
    UpdatePoller updatePoller(BotProperties properties, TelegramBotApi api, UpdateOffsetStore offsets,
                              PollerLease lease, Dispatcher dispatcher) {
        return new UpdatePoller(properties, api, offsets, lease, dispatcher);
    }

    @Bean
    PollingLoop pollingLoop(UpdatePoller poller, PollerLease lease, BotProperties properties) {
        return new PollingLoop(poller, lease, properties);
    }
}
