package com.primejennie.buyscanner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ticks to bars, risk gates and strategies; publishes buy signals to stream:buy-signals. */
@SpringBootApplication
public class BuyScannerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BuyScannerApplication.class, args);
    }
}
