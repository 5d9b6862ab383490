package com.primejennie.newsarchiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.primejennie.newsarchiver.support.BigramVectors;
import com.primejennie.shared.domain.WireJson;

class LuceneVectorStoreContractTest extends VectorStoreContract {

    @TempDir
    Path dir;

    @Override
    protected VectorStore newStore() {
        return new LuceneVectorStore(dir.resolve("index"), DIM, WireJson.mapper());
    }

    @Test
    void reopensTheIndexIntactAfterClose() {
        store.upsert(List.of(chunk("삼성전자 실적 발표", metadata("005930", "삼성전자", "https://n.ex/a", 10L)),
                chunk("카카오 신사업 진출", metadata("035720", "카카오", "https://n.ex/b", 20L))));
        store.close();
        store = newStore();
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.search(BigramVectors.of("카카오 신사업", DIM), 1, SearchFilter.stock("035720")).get(0)
                .chunk().sourceUrl()).isEqualTo("https://n.ex/b");
    }

    @Test
    void refusesAVectorOfTheWrongDimension() {
        StoredChunk bad = new StoredChunk("00000000-0000-0000-0000-000000000001", "x",
                metadata(null, null, null, null), new float[3]);
        assertThatThrownBy(() -> store.upsert(List.of(bad))).hasMessageContaining("dimension 3, expected 1024");
    }
}
