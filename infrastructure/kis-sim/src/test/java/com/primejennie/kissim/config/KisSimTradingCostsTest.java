package com.primejennie.kissim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.primejennie.kissim.orders.Exchange;
import com.primejennie.shared.testing.RealServicesTest;
import com.primejennie.shared.trading.TradingCosts;

/** kis-sim charges the suite's one fee and tax ({@code TRADING_FEE_RATE}, {@code TRADING_SELL_TAX_RATE}). */
@SpringBootTest(properties = {"TRADING_FEE_RATE=0.0003", "TRADING_SELL_TAX_RATE=0.0018"})
@RealServicesTest
class KisSimTradingCostsTest {

    @Autowired
    Exchange exchange;

    @Autowired
    TradingCosts costs;

    @Test
    void commissionAndSellTaxComeFromTheSharedTradingCosts() {
        assertThat(costs).isEqualTo(new TradingCosts(new BigDecimal("0.0003"), new BigDecimal("0.0018")));
        assertThat(exchange.settings().commissionRate()).isEqualTo(0.0003);
        assertThat(exchange.settings().sellTaxRate()).isEqualTo(0.0018);
    }
}
