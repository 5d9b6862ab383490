package com.primejennie.kissim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A KIS Open API simulator (REST, WebSocket ticks, order fills) for the mock profile and tests. */
@SpringBootApplication
public class KisSimApplication {

    public static void main(String[] args) {
        SpringApplication.run(KisSimApplication.class, args);
    }
}
