package com.primejennie.newsarchiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.primejennie.newsarchiver.support.BigramVectors;
import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * What every {@link VectorStore} must do, run against each implementation: the archiver and scout rely on exactly
 * these behaviours (payload unchanged, cosine ranking, stock and date filters, source_url counting, replace by id).
 */
abstract class VectorStoreContract {

    static final int DIM = 1024;
    protected VectorStore store;

    /** A new, empty store. */
    protected abstract VectorStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static ObjectNode metadata(String code, String name, String url, Long createdAt) {
        ObjectNode m = WireJson.mapper().createObjectNode();
        m.put("stock_code", code);
        m.put("stock_name", name);
        m.put("source", "Naver Finance");
        m.put("source_url", url);
        if (createdAt != null) {
            m.put("created_at_utc", createdAt);
        } else {
            m.putNull("created_at_utc");
        }
        return m;
    }

    static StoredChunk chunk(String text, ObjectNode metadata) {
        return new StoredChunk(UUID.nameUUIDFromBytes(text.getBytes()).toString(), text, metadata,
                BigramVectors.of(text, DIM));
    }

    private List<StoredChunk> corpus() {
        return List.of(
                chunk("삼성전자 2분기 영업이익 10조 돌파, 반도체 업황 회복",
                        metadata("005930", "삼성전자", "https://n.ex/1", 1_770_000_000L)),
                chunk("SK하이닉스 HBM 신규 수주 계약 체결",
                        metadata("000660", "SK하이닉스", "https://n.ex/2", 1_770_100_000L)),
                chunk("삼성전자 노조 파업 리스크 우려, 주가 하락",
                        metadata("005930", "삼성전자", "https://n.ex/3", 1_760_000_000L)),
                chunk("코스피 외국인 순매수 지속, 시장 전반 강세",
                        metadata(null, null, "https://n.ex/4", 1_770_200_000L)));
    }

    @Test
    void returnsTheClosestChunkFirstWithItsPayloadUnchanged() {
        store.upsert(corpus());
        List<SearchHit> hits = store.search(BigramVectors.of("SK하이닉스 HBM 수주 계약", DIM), 3, SearchFilter.NONE);
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).chunk().pageContent()).isEqualTo("SK하이닉스 HBM 신규 수주 계약 체결");
        assertThat(hits.get(0).chunk().metadata().toString())
                .isEqualTo(metadata("000660", "SK하이닉스", "https://n.ex/2", 1_770_100_000L).toString());
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isBetween(0.5, 1.0001);
    }

    @Test
    void filtersOnTheStockCode() {
        store.upsert(corpus());
        List<SearchHit> hits = store.search(BigramVectors.of("SK하이닉스 HBM 수주 계약", DIM), 5,
                SearchFilter.stock("005930"));
        assertThat(hits).extracting(h -> h.chunk().stockCode()).containsOnly("005930").hasSize(2);
    }

    @Test
    void filtersOnACreatedAtWindowAndLeavesUndatedChunksOut() {
        List<StoredChunk> all = new ArrayList<>(corpus());
        all.add(chunk("삼성전자 날짜 없는 기사", metadata("005930", "삼성전자", "https://n.ex/5", null)));
        store.upsert(all);
        List<SearchHit> recent = store.search(BigramVectors.of("삼성전자 기사", DIM), 10,
                new SearchFilter("005930", 1_765_000_000L, null));
        assertThat(recent).extracting(h -> h.chunk().sourceUrl()).containsExactly("https://n.ex/1");
        List<SearchHit> window = store.search(BigramVectors.of("시장", DIM), 10,
                new SearchFilter(null, 1_770_050_000L, 1_770_150_000L));
        assertThat(window).extracting(h -> h.chunk().sourceUrl()).containsExactly("https://n.ex/2");
    }

    @Test
    void countsChunksBySourceUrlAndInTotal() {
        store.upsert(corpus());
        store.upsert(List.of(chunk("삼성전자 2분기 실적 두번째 조각", metadata("005930", "삼성전자", "https://n.ex/1",
                1_770_000_000L))));
        assertThat(store.countBySourceUrl("https://n.ex/1")).isEqualTo(2);
        assertThat(store.countBySourceUrl("https://n.ex/404")).isZero();
        assertThat(store.count()).isEqualTo(5);
    }

    @Test
    void upsertWithTheSameIdReplacesTheChunk() {
        StoredChunk first = chunk("원래 내용", metadata("005930", "삼성전자", "https://n.ex/9", 1L));
        store.upsert(List.of(first));
        StoredChunk replaced = new StoredChunk(first.id(), "바뀐 내용", first.metadata(),
                BigramVectors.of("바뀐 내용", DIM));
        store.upsert(List.of(replaced));
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.search(BigramVectors.of("바뀐 내용", DIM), 1, SearchFilter.NONE).get(0).chunk().pageContent())
                .isEqualTo("바뀐 내용");
    }

    @Test
    void visitsEveryStoredChunkInBatches() {
        store.upsert(corpus());
        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        store.forEach(3, batch -> {
            sizes.add(batch.size());
            batch.forEach(c -> seen.add(c.pageContent()));
        });
        assertThat(sizes).allMatch(n -> n <= 3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(corpus().stream().map(StoredChunk::pageContent).toList());
    }

    @Test
    void emptyStoreFindsNothing() {
        assertThat(store.search(BigramVectors.of("아무거나", DIM), 5, SearchFilter.NONE)).isEmpty();
        assertThat(store.count()).isZero();
    }
}
