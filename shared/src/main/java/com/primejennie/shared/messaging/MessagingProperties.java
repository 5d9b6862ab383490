package com.primejennie.shared.messaging;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's messaging settings ({@code jennie.messaging.*}). Per stream, the layers are, lowest first:
 * {@link StreamSettings#DEFAULTS}, {@code defaults}, the stream's built-in values ({@link StreamSettings#builtIn}),
 * {@code streams[<stream>]} — the most specific value wins.
 *
 * @param serviceName  first part of the default consumer name (falls back to {@code spring.application.name})
 * @param consumerName a fixed consumer name instead of {@code <service>-<host>}
 * @param defaults     overrides for every stream
 * @param streams      overrides per stream, keyed by the stream name ({@code streams[stream\:buy-signals]} in a
 *                     properties file, where ':' must be escaped) or by its short alias without the
 *                     {@code stream:} prefix and with ':' as '-' ({@code streams.buy-signals.max-age=30s},
 *                     {@code streams.kis-prices.batch-size=200}, {@code streams.jobs-scout…})
 */
@ConfigurationProperties("jennie.messaging")
public record MessagingProperties(String serviceName, String consumerName, StreamOverrides defaults,
                                  Map<String, StreamOverrides> streams) {

    public MessagingProperties {
        defaults = defaults == null ? StreamOverrides.NONE : defaults;
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }

    /** No operator settings: the built-in defaults. */
    public static MessagingProperties defaultsOnly() {
        return new MessagingProperties(null, null, null, null);
    }

    /** The resolved settings of {@code stream}. */
    public StreamSettings settingsFor(String stream) {
        return StreamSettings.DEFAULTS.with(defaults).with(StreamSettings.builtInOverrides(stream))
                .with(streams.get(alias(stream))).with(streams.get(stream));
    }

    /** {@code stream:buy-signals} → {@code buy-signals}, {@code kis:prices} → {@code kis-prices}. */
    static String alias(String stream) {
        String name = stream.startsWith("stream:") ? stream.substring("stream:".length()) : stream;
        return name.replace(':', '-');
    }
}
