package com.primejennie.shared.messaging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one entry point services use: publishers and workers for a stream with that stream's resolved settings, the
 * shared connections, JSON mapper and meters, and stable consumer names. It remembers the workers it made, for the
 * health indicator.
 */
public final class StreamMessaging {

    private final StreamConnections connections;
    private final MessagingProperties properties;
    private final JsonMapper mapper;
    private final MessagingMetrics metrics;
    private final ConsumerNames consumerNames;
    private final List<TradingSignalWorker<?>> workers = new CopyOnWriteArrayList<>();

    public StreamMessaging(StreamConnections connections, MessagingProperties properties, JsonMapper mapper,
                           MessagingMetrics metrics, ConsumerNames consumerNames) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.consumerNames = Objects.requireNonNull(consumerNames, "consumerNames");
    }

    public StreamSettings settingsFor(String stream) {
        return properties.settingsFor(stream);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** A publisher of JSON payloads ({@code payload} field): any object, or a JSON object string as it is. */
    public TradingSignalPublisher<Object> publisher(String stream) {
        return publisher(stream, new JsonPayloadCodec<>(mapper, Object.class));
    }

    public <T> TradingSignalPublisher<T> publisher(String stream, StreamCodec<T> codec) {
        return new TradingSignalPublisher<>(connections, stream, codec, settingsFor(stream), metrics);
    }

    /** A worker whose handler reads the payload as a JSON object tree. Not started. */
    public TradingSignalWorker<JsonNode> worker(String stream, String group, StreamHandler<JsonNode> handler) {
        return worker(stream, group, JsonPayloadCodec.tree(mapper), handler);
    }

    /** A worker decoding the payload JSON into {@code type}. Not started. */
    public <T> TradingSignalWorker<T> worker(String stream, String group, Class<T> type, StreamHandler<T> handler) {
        return worker(stream, group, new JsonPayloadCodec<>(mapper, type), handler);
    }

    public <T> TradingSignalWorker<T> worker(String stream, String group, StreamCodec<T> codec,
                                             StreamHandler<T> handler) {
        return worker(stream, group, consumerNames.next(stream, group), codec, handler, settingsFor(stream));
    }

    /** Full control: an explicit consumer name and settings. Not started. */
    public <T> TradingSignalWorker<T> worker(String stream, String group, String consumer, StreamCodec<T> codec,
                                             StreamHandler<T> handler, StreamSettings settings) {
        TradingSignalWorker<T> worker = new TradingSignalWorker<>(connections, stream, group, consumer, codec,
                handler, settings, mapper, metrics);
        workers.add(worker);
        return worker;
    }

    /** The workers made here, started or not. */
    public List<TradingSignalWorker<?>> workers() {
        return List.copyOf(workers);
    }

    /** Stops every worker made here (each returns within its stop timeout). */
    public void stopAll() {
        workers.forEach(TradingSignalWorker::stop);
    }
}
