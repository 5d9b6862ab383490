package com.primejennie.newsarchiver.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embedded vector store: an Apache Lucene index in a local directory (memory-mapped), one document per chunk
 * with an HNSW {@link KnnFloatVectorField} (cosine), keyword fields {@code stock_code}, {@code source_url} and a point
 * field {@code created_at_utc} for the filters, and the payload stored as the spec has it ({@code page_content},
 * {@code metadata} JSON unchanged). Needs no server, so a fresh machine archives and searches news.
 *
 * <p>Every {@link #upsert} is committed before it returns (the archiver acknowledges a message only after that), so a
 * crash loses nothing the stream considers done, and a restart opens the index as it was. Searches run on a
 * near-real-time searcher refreshed after each commit.
 */
public final class LuceneVectorStore implements VectorStore {

    static final String ID = "id";
    static final String VECTOR = "vector";
    static final String STOCK_CODE = "stock_code";
    static final String SOURCE_URL = "source_url";
    static final String CREATED_AT = "created_at_utc";
    static final String PAGE_CONTENT = "page_content";
    static final String METADATA = "metadata";
    /** How many graph candidates a search explores at least, whatever its k. */
    static final int MIN_CANDIDATES = 100;

    private final Path path;
    private final int dimension;
    private final JsonMapper mapper;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Serialises writes; never the writer itself (Lucene asserts callers do not hold its monitor). */
    private final Object writeLock = new Object();

    /**
     * Opens (or creates) the index at {@code path}.
     *
     * @param dimension every vector's length (1024 for KURE-v1; Lucene 9 allows up to 1024)
     */
    public LuceneVectorStore(Path path, int dimension, JsonMapper mapper) {
        this.path = Objects.requireNonNull(path, "path");
        this.dimension = dimension;
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig();
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(16);
            config.setCommitOnClose(true);
            // Each committed message makes a small segment and every segment is its own HNSW graph to search:
            // merge more eagerly than the default (10 per tier) so searches walk few graphs.
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setSegmentsPerTier(4);
            config.setMergePolicy(merges);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the news index at " + path.toAbsolutePath(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public String kind() {
        return "lucene";
    }

    @Override
    public void upsert(List<StoredChunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(chunks.size());
        for (StoredChunk chunk : chunks) {
            documents.add(document(chunk));
        }
        synchronized (writeLock) {
            try {
                for (int i = 0; i < chunks.size(); i++) {
                    writer.updateDocument(new Term(ID, chunks.get(i).id()), documents.get(i));
                }
                writer.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + chunks.size() + " chunks to " + path, e);
            }
        }
    }

    private Document document(StoredChunk chunk) {
        float[] vector = chunk.vector();
        if (vector == null || vector.length != dimension) {
            throw new IllegalArgumentException("chunk " + chunk.id() + " has a vector of dimension "
                    + (vector == null ? "none" : vector.length) + ", expected " + dimension);
        }
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        String code = chunk.stockCode();
        if (code != null) {
            doc.add(new StringField(STOCK_CODE, code, Field.Store.NO));
        }
        String url = chunk.sourceUrl();
        if (url != null) {
            doc.add(new StringField(SOURCE_URL, url, Field.Store.NO));
        }
        Long created = chunk.createdAtUtc();
        if (created != null) {
            doc.add(new LongPoint(CREATED_AT, created));
        }
        doc.add(new StoredField(PAGE_CONTENT, chunk.pageContent()));
        doc.add(new StoredField(METADATA, mapper.writeValueAsString(chunk.metadata())));
        return doc;
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
        IndexSearcher searcher = acquire();
        try {
            // HNSW is approximate: a beam of only k (k = 1 for "the best match") can miss the true nearest chunk on
            // an index with several segments and deletions (seen after a re-index). Explore at least
            // MIN_CANDIDATES, as Elasticsearch's num_candidates does, and keep the best k.
            int candidates = Math.max(k, MIN_CANDIDATES);
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, query, candidates, filterQuery(filter)), k);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                // Lucene scores cosine as (1 + cos) / 2; report the cosine itself, as Qdrant does.
                hits.add(new SearchHit(read(stored.document(scoreDoc.doc)), 2.0 * scoreDoc.score - 1.0));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the news index at " + path, e);
        } finally {
            release(searcher);
        }
    }

    private static Query filterQuery(SearchFilter filter) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        if (filter.stockCode() != null) {
            builder.add(new TermQuery(new Term(STOCK_CODE, filter.stockCode())), BooleanClause.Occur.FILTER);
        }
        if (filter.hasDateWindow()) {
            builder.add(LongPoint.newRangeQuery(CREATED_AT,
                    filter.createdFrom() == null ? Long.MIN_VALUE : filter.createdFrom(),
                    filter.createdTo() == null ? Long.MAX_VALUE : filter.createdTo()), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private StoredChunk read(Document doc) {
        ObjectNode metadata = (ObjectNode) mapper.readTree(doc.get(METADATA));
        return new StoredChunk(doc.get(ID), doc.get(PAGE_CONTENT), metadata, null);
    }

    @Override
    public long countBySourceUrl(String sourceUrl) {
        if (sourceUrl == null || sourceUrl.isBlank()) {
            return 0;
        }
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(new TermQuery(new Term(SOURCE_URL, sourceUrl)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count chunks of " + sourceUrl, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public long count() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public void forEach(int batchSize, Consumer<List<StoredChunk>> batch) {
        IndexSearcher searcher = acquire();
        try {
            List<StoredChunk> pending = new ArrayList<>(batchSize);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    pending.add(read(stored.document(doc)));
                    if (pending.size() >= batchSize) {
                        batch.accept(List.copyOf(pending));
                        pending.clear();
                    }
                }
            }
            if (!pending.isEmpty()) {
                batch.accept(List.copyOf(pending));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the news index at " + path, e);
        } finally {
            release(searcher);
        }
    }

    /** How many segments (HNSW graphs) a search walks now. */
    public int segmentCount() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            release(searcher);
        }
    }

    /** Merges the index down to one segment (after a bulk load; searches then walk one graph). */
    public void forceMerge() {
        synchronized (writeLock) {
            try {
                writer.forceMerge(1);
                writer.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot merge the news index at " + path, e);
            }
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a searcher on " + path, e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the news index at " + path, e);
            }
        }
    }
}
