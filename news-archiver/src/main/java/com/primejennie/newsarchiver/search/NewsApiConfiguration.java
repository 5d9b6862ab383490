package com.primejennie.newsarchiver.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.primejennie.newsarchiver.NewsProperties;
import com.primejennie.newsarchiver.reindex.ReindexService;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.shared.llm.EmbeddingClient;
import com.primejennie.shared.llm.LlmProperties;
import com.primejennie.shared.market.MarketClock;

/** The search and re-index services behind the news API. */
@Configuration(proxyBeanMethods = false)
public class NewsApiConfiguration {

    @Bean
    NewsSearchService newsSearchService(EmbeddingClient embeddings, VectorStore store, NewsProperties properties,
                                        LlmProperties llm) {
        return new NewsSearchService(embeddings, store, properties.search(), llm.embedding().maxInputCodePoints());
    }

    @Bean(destroyMethod = "close")
    ReindexService reindexService(VectorStore store, EmbeddingClient embeddings, MarketClock clock,
                                  LlmProperties llm) {
        return new ReindexService(store, embeddings, clock, llm.embedding().maxInputCodePoints());
    }
}
