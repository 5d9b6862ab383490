package com.primejennie.newsarchiver.rss;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.newsarchiver.NewsProperties;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.persistence.StockMasterRepository;

/** The RSS/Atom producer, only with {@code jennie.news.rss.enabled=true} ({@code NEWS_RSS_ENABLED}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "jennie.news.rss.enabled", havingValue = "true")
public class RssConfiguration {

    @Bean
    RssNewsProducer rssNewsProducer(NewsProperties properties, StreamMessaging messaging,
                                    StockMasterRepository stocks, StringRedisTemplate redis, MarketClock clock) {
        return new RssNewsProducer(properties.rss(), messaging.publisher(Streams.NEWS_RAW, FieldMapCodec.newsRaw()),
                stocks, redis, clock);
    }
}
