package com.primejennie.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** REST API for portfolio, trades, performance, system health, LLM usage, settings. */
@SpringBootApplication
public class DashboardBackendApplication {

    public static void main(String[] args) {
        SpringApplication.run(DashboardBackendApplication.class, args);
    }
}
