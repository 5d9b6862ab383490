package com.primejennie.pricemonitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the real-time price feed (KIS WebSocket to kis:prices) and the exit rules. */
@SpringBootApplication
public class PriceMonitorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PriceMonitorApplication.class, args);
    }
}
