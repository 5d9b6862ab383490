package com.primejennie.kissim.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.InstantSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.primejennie.kissim.accounts.AccountBook;
import com.primejennie.kissim.auth.RateLimiter;
import com.primejennie.kissim.auth.TokenService;
import com.primejennie.kissim.clock.SimClock;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.market.ReplayBook;
import com.primejennie.kissim.market.SimCalendar;
import com.primejennie.kissim.market.Universe;
import com.primejennie.kissim.orders.Exchange;
import com.primejennie.kissim.rest.KisGateway;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.trading.TradingCosts;

import tools.jackson.databind.json.JsonMapper;

/** Wires the simulator: market, exchange, accounts, tokens, rate limit, and KIS's gateway checks on {@code /uapi}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KisSimProperties.class)
public class KisSimConfiguration implements WebMvcConfigurer {

    private final KisGateway gateway;

    public KisSimConfiguration(KisGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(gateway).addPathPatterns("/uapi/**");
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        InstantSource wallClock() {
            return InstantSource.system();
        }

        @Bean
        SimCalendar simCalendar(TradingCalendar krx, KisSimProperties props) {
            return new SimCalendar(krx, props.market().open(), props.market().close());
        }

        @Bean
        MarketSimulator marketSimulator(SimClock clock, SimCalendar calendar, KisSimProperties props,
                                        ResourceLoader loader) {
            Universe universe;
            try (InputStream in = loader.getResource(props.market().universe()).getInputStream()) {
                universe = Universe.parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("kis-sim.market.universe " + props.market().universe(), e);
            }
            ReplayBook replay = ReplayBook.empty();
            if (!props.market().replay().isBlank()) {
                try (InputStream in = loader.getResource(props.market().replay()).getInputStream()) {
                    replay = ReplayBook.parse(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("kis-sim.market.replay " + props.market().replay(), e);
                }
            }
            return new MarketSimulator(clock, calendar, props.market(), universe, replay);
        }

        @Bean
        AccountBook accountBook(KisSimProperties props) {
            return new AccountBook(props.account().initialCash());
        }

        /**
         * Commission and sell tax come from the suite's one {@link TradingCosts} ({@code TRADING_FEE_RATE},
         * {@code TRADING_SELL_TAX_RATE}), so the simulator charges what the executors and the dashboard compute;
         * {@code kis-sim.orders.commission-rate} / {@code sell-tax-rate}, when set, still simulate another broker.
         */
        @Bean
        Exchange exchange(MarketSimulator market, AccountBook accounts, KisSimProperties props, TradingCosts costs,
                          Environment environment) {
            KisSimProperties.Orders orders = props.orders();
            double commission = environment.containsProperty("kis-sim.orders.commission-rate")
                    ? orders.commissionRate() : costs.feeRate().doubleValue();
            double tax = environment.containsProperty("kis-sim.orders.sell-tax-rate")
                    ? orders.sellTaxRate() : costs.sellTaxRate().doubleValue();
            return new Exchange(market, accounts, new KisSimProperties.Orders(orders.maxFillPerTrade(), commission,
                    tax, orders.settlementDays()));
        }

        @Bean
        TokenService tokenService(SimClock clock, InstantSource wallClock, KisSimProperties props) {
            return new TokenService(clock, wallClock, props.auth());
        }

        @Bean
        RateLimiter rateLimiter(InstantSource wallClock, KisSimProperties props) {
            return new RateLimiter(wallClock, props.rateLimit());
        }

        @Bean
        KisGateway kisGateway(TokenService tokens, RateLimiter rateLimiter, JsonMapper json) {
            return new KisGateway(tokens, rateLimiter, json);
        }
    }
}
