package com.primejennie.sellexecutor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consumes stream:sell-orders; sell order, PnL, TRADELOG. */
@SpringBootApplication
public class SellExecutorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SellExecutorApplication.class, args);
    }
}
