package com.primejennie.newsarchiver.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Python suite's store: a Qdrant collection (default {@code rag_stock_data}, 1024-dim cosine, keyword payload
 * index on {@code metadata.source_url}; spec/llm-dashboard-infra.md §1.9), through the official Java client (gRPC,
 * port 6334). Points carry the LangChain payload scout reads ({@code page_content}, {@code metadata} with the same
 * paths), so Java and Python services can share one collection. The collection and index are created when missing.
 */
public final class QdrantVectorStore implements VectorStore {

    private static final Logger log = LoggerFactory.getLogger(QdrantVectorStore.class);

    private final QdrantClient client;
    private final String collection;
    private final int dimension;
    private final Duration timeout;
    private final JsonMapper mapper;

    public QdrantVectorStore(String host, int grpcPort, String apiKey, String collection, int dimension,
                             Duration timeout, JsonMapper mapper) {
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(host, grpcPort, false);
        if (apiKey != null && !apiKey.isBlank()) {
            builder.withApiKey(apiKey);
        }
        this.client = new QdrantClient(builder.build());
        this.collection = Objects.requireNonNull(collection, "collection");
        this.dimension = dimension;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Creates the collection (size, cosine) and the {@code metadata.source_url} keyword index when missing. */
    public QdrantVectorStore ensureCollection() {
        if (!await(client.collectionExistsAsync(collection), "check collection " + collection)) {
            await(client.createCollectionAsync(collection, VectorParams.newBuilder().setDistance(Distance.Cosine)
                    .setSize(dimension).build()), "create collection " + collection);
            log.info("Created Qdrant collection {} ({} dimensions, cosine)", collection, dimension);
        }
        try {
            await(client.createPayloadIndexAsync(collection, "metadata.source_url", PayloadSchemaType.Keyword, null,
                    true, null, null), "create the metadata.source_url index");
        } catch (VectorStoreException e) {
            log.debug("metadata.source_url index of {} not created (exists?): {}", collection, e.getMessage());
        }
        return this;
    }

    public String collection() {
        return collection;
    }

    @Override
    public String kind() {
        return "qdrant";
    }

    @Override
    public void upsert(List<StoredChunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        List<PointStruct> points = new ArrayList<>(chunks.size());
        for (StoredChunk chunk : chunks) {
            float[] vector = chunk.vector();
            if (vector == null || vector.length != dimension) {
                throw new IllegalArgumentException("chunk " + chunk.id() + " has a vector of dimension "
                        + (vector == null ? "none" : vector.length) + ", expected " + dimension);
            }
            Map<String, Value> payload = new LinkedHashMap<>();
            payload.put("page_content", ValueFactory.value(chunk.pageContent()));
            payload.put("metadata", toValue(chunk.metadata()));
            points.add(PointStruct.newBuilder().setId(PointIdFactory.id(UUID.fromString(chunk.id())))
                    .setVectors(VectorsFactory.vectors(vector)).putAllPayload(payload).build());
        }
        await(client.upsertAsync(collection, points), "upsert " + points.size() + " points");
    }

    @Override
    public List<SearchHit> search(float[] query, int k, SearchFilter filter) {
        if (query == null || query.length != dimension) {
            throw new IllegalArgumentException("query vector has dimension "
                    + (query == null ? "none" : query.length) + ", expected " + dimension);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        List<Float> vector = new ArrayList<>(query.length);
        for (float v : query) {
            vector.add(v);
        }
        SearchPoints.Builder request = SearchPoints.newBuilder().setCollectionName(collection).addAllVector(vector)
                .setLimit(k).setWithPayload(WithPayloadSelectorFactory.enable(true));
        Filter qdrantFilter = filter(filter);
        if (qdrantFilter != null) {
            request.setFilter(qdrantFilter);
        }
        List<ScoredPoint> points = await(client.searchAsync(request.build()), "search");
        List<SearchHit> hits = new ArrayList<>(points.size());
        for (ScoredPoint point : points) {
            hits.add(new SearchHit(chunk(point.getId(), point.getPayloadMap()), point.getScore()));
        }
        return hits;
    }

    private static Filter filter(SearchFilter filter) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        Filter.Builder builder = Filter.newBuilder();
        if (filter.stockCode() != null) {
            builder.addMust(ConditionFactory.matchKeyword("metadata.stock_code", filter.stockCode()));
        }
        if (filter.hasDateWindow()) {
            Range.Builder range = Range.newBuilder();
            if (filter.createdFrom() != null) {
                range.setGte(filter.createdFrom());
            }
            if (filter.createdTo() != null) {
                range.setLte(filter.createdTo());
            }
            builder.addMust(ConditionFactory.range("metadata.created_at_utc", range.build()));
        }
        return builder.build();
    }

    @Override
    public long countBySourceUrl(String sourceUrl) {
        if (sourceUrl == null || sourceUrl.isBlank()) {
            return 0;
        }
        Filter filter = Filter.newBuilder()
                .addMust(ConditionFactory.matchKeyword("metadata.source_url", sourceUrl)).build();
        return await(client.countAsync(collection, filter, true), "count " + sourceUrl);
    }

    @Override
    public long count() {
        return await(client.countAsync(collection), "count");
    }

    @Override
    public void forEach(int batchSize, Consumer<List<StoredChunk>> batch) {
        PointId offset = null;
        do {
            ScrollPoints.Builder request = ScrollPoints.newBuilder().setCollectionName(collection)
                    .setLimit(batchSize).setWithPayload(WithPayloadSelectorFactory.enable(true));
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse response = await(client.scrollAsync(request.build()), "scroll");
            List<StoredChunk> chunks = new ArrayList<>(response.getResultCount());
            for (RetrievedPoint point : response.getResultList()) {
                chunks.add(chunk(point.getId(), point.getPayloadMap()));
            }
            if (!chunks.isEmpty()) {
                batch.accept(chunks);
            }
            offset = response.hasNextPageOffset() ? response.getNextPageOffset() : null;
        } while (offset != null);
    }

    private StoredChunk chunk(PointId id, Map<String, Value> payload) {
        String pointId = id.hasUuid() ? id.getUuid() : Long.toString(id.getNum());
        Value content = payload.get("page_content");
        Value metadata = payload.get("metadata");
        JsonNode meta = metadata == null ? mapper.createObjectNode() : toJson(metadata);
        return new StoredChunk(pointId, content == null ? "" : content.getStringValue(),
                meta instanceof ObjectNode object ? object : mapper.createObjectNode(), null);
    }

    private Value toValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return ValueFactory.nullValue();
        }
        if (node.isObject()) {
            Map<String, Value> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), toValue(e.getValue())));
            return ValueFactory.value(fields);
        }
        if (node.isArray()) {
            List<Value> values = new ArrayList<>();
            node.forEach(element -> values.add(toValue(element)));
            return ValueFactory.list(values);
        }
        if (node.isIntegralNumber()) {
            return ValueFactory.value(node.asLong());
        }
        if (node.isNumber()) {
            return ValueFactory.value(node.asDouble());
        }
        if (node.isBoolean()) {
            return ValueFactory.value(node.asBoolean());
        }
        return ValueFactory.value(node.asString());
    }

    private JsonNode toJson(Value value) {
        switch (value.getKindCase()) {
            case STRUCT_VALUE -> {
                ObjectNode object = mapper.createObjectNode();
                value.getStructValue().getFieldsMap().forEach((k, v) -> object.set(k, toJson(v)));
                return object;
            }
            case LIST_VALUE -> {
                ArrayNode array = mapper.createArrayNode();
                value.getListValue().getValuesList().forEach(v -> array.add(toJson(v)));
                return array;
            }
            case INTEGER_VALUE -> {
                return mapper.getNodeFactory().numberNode(value.getIntegerValue());
            }
            case DOUBLE_VALUE -> {
                return mapper.getNodeFactory().numberNode(value.getDoubleValue());
            }
            case BOOL_VALUE -> {
                return mapper.getNodeFactory().booleanNode(value.getBoolValue());
            }
            case STRING_VALUE -> {
                return mapper.getNodeFactory().textNode(value.getStringValue());
            }
            default -> {
                return mapper.getNodeFactory().nullNode();
            }
        }
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VectorStoreException("interrupted while Qdrant: " + what, e);
        } catch (ExecutionException e) {
            throw new VectorStoreException("Qdrant " + collection + ": " + what + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new VectorStoreException("Qdrant " + collection + ": " + what + " timed out after " + timeout, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
