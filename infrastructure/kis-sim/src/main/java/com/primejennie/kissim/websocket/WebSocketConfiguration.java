package com.primejennie.kissim.websocket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import com.primejennie.kissim.auth.TokenService;
import com.primejennie.kissim.clock.SimClock;
import com.primejennie.kissim.config.KisSimProperties;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.orders.Exchange;

import tools.jackson.databind.json.JsonMapper;

/**
 * The real-time endpoint. KIS serves it at the root of its own port ({@code ws://ops.koreainvestment.com:21000});
 * here it shares the REST port at {@code /}, {@code /websocket} and {@code /tryitout/...} (the path KIS's samples
 * append).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfiguration implements WebSocketConfigurer {

    private final KisWebSocketHandler handler;

    public WebSocketConfiguration(KisWebSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/", "/websocket", "/tryitout/**").setAllowedOrigins("*");
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        RealtimeHub realtimeHub(MarketSimulator market, Exchange exchange, SimClock clock, KisSimProperties props) {
            return new RealtimeHub(market, exchange, clock, props);
        }

        @Bean
        KisWebSocketHandler kisWebSocketHandler(RealtimeHub hub, TokenService tokens, JsonMapper json) {
            return new KisWebSocketHandler(hub, tokens, json);
        }

        @Bean
        RealtimePump realtimePump(MarketSimulator market, RealtimeHub hub, KisSimProperties props) {
            return new RealtimePump(market, hub, props.realtime());
        }
    }
}
