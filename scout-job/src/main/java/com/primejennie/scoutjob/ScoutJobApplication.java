package com.primejennie.scoutjob;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Universe, quant score, LLM analyst; writes the hot watchlist. */
@SpringBootApplication
public class ScoutJobApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoutJobApplication.class, args);
    }
}
