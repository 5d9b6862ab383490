package com.primejennie.newsarchiver.ingest;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.newsarchiver.NewsProperties;
import com.primejennie.newsarchiver.chunking.TextChunker;
import com.primejennie.newsarchiver.store.LuceneVectorStore;
import com.primejennie.newsarchiver.store.QdrantVectorStore;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.llm.EmbeddingClient;
import com.primejennie.shared.llm.LlmProperties;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.schema.SchemaMigrator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Wires the archive pipeline: the vector store chosen by {@code jennie.news.store.type}, the chunker sized to the
 * embedding budget, the registry, and the {@code stream:news:raw} worker of group {@code group_archiver}
 * (acknowledged after the handler, with the stream's bounded retries and dead-lettering).
 */
@Configuration(proxyBeanMethods = false)
public class ArchiverConfiguration {

    /** The archiver's consumer group, as the Python archiver named it. */
    public static final String GROUP_ARCHIVER = "group_archiver";

    @Bean(destroyMethod = "close")
    VectorStore vectorStore(NewsProperties properties, LlmProperties llm) {
        NewsProperties.Store store = properties.store();
        int dimension = llm.embedding().dimension();
        if (store.type().equals("qdrant")) {
            return new QdrantVectorStore(store.qdrantHost(), store.qdrantGrpcPort(), store.qdrantApiKey(),
                    store.collection(), dimension, store.timeout(), WireJson.mapper()).ensureCollection();
        }
        return new LuceneVectorStore(store.lucenePath(), dimension, WireJson.mapper());
    }

    @Bean
    TextChunker textChunker(NewsProperties properties, LlmProperties llm) {
        int budget = llm.embedding().maxInputCodePoints();
        int size = properties.chunkSize() == 0 ? budget : Math.min(properties.chunkSize(), budget);
        return new TextChunker(size);
    }

    @Bean
    DocumentRegistry documentRegistry(DataSource dataSource) {
        return new DocumentRegistry(JdbcClient.create(dataSource));
    }

    @Bean
    NewsArchiver newsArchiver(TextChunker chunker, EmbeddingClient embeddings, VectorStore store,
                              DocumentRegistry registry, MarketClock clock, NewsProperties properties,
                              ObjectProvider<SchemaMigrator> schema, ObjectProvider<MeterRegistry> meters) {
        SchemaMigrator migrator = schema.getIfAvailable();
        NewsArchiver.SchemaGate gate = migrator == null ? NewsArchiver.SchemaGate.NONE
                : NewsArchiver.SchemaGate.of(migrator, Duration.ofSeconds(30));
        return new NewsArchiver(chunker, embeddings, store, registry, clock,
                () -> properties.sentiment().enabled(), gate, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    TradingSignalWorker<NewsDocument> newsArchiverWorker(StreamMessaging messaging, NewsArchiver archiver) {
        return messaging.worker(Streams.NEWS_RAW, GROUP_ARCHIVER, new NewsDocumentCodec(WireJson.mapper()),
                archiver::onMessage);
    }
}
