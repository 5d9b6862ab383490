package com.primejennie.newsarchiver.sentiment;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.newsarchiver.NewsProperties;
import com.primejennie.shared.llm.LlmClient;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.persistence.TableNames;

/** Sentiment scoring, on unless {@code jennie.news.sentiment.enabled=false} ({@code NEWS_SENTIMENT_ENABLED}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "jennie.news.sentiment.enabled", havingValue = "true", matchIfMissing = true)
public class SentimentConfiguration {

    @Bean
    SentimentWorker sentimentWorker(DataSource dataSource, LlmClient llm, TableNames tables, MarketClock clock,
                                    NewsProperties properties) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new SentimentWorker(new SentimentQueue(jdbc), new SentimentScorer(llm),
                new SentimentRepository(jdbc, tables), clock, properties.sentiment());
    }
}
