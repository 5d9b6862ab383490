package com.primejennie.newsarchiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** stream:news:raw to chunks, embeddings and the vector store; news search API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsArchiverApplication {

    public static void main(String[] args) {
        SpringApplication.run(NewsArchiverApplication.class, args);
    }
}
