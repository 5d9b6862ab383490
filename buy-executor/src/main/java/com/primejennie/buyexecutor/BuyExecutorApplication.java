package com.primejennie.buyexecutor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consumes stream:buy-signals; guards, sizing, buy order, TRADELOG and ACTIVE_PORTFOLIO. */
@SpringBootApplication
public class BuyExecutorApplication {

    public static void main(String[] args) {
        SpringApplication.run(BuyExecutorApplication.class, args);
    }
}
