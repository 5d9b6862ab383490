package com.primejennie.buyexecutor.guards;

import com.primejennie.shared.persistence.StockMasterEntry;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SectorClassifierTest {

    @Test
    void prefersNaverSectorThenKospi200ThenNameKeywords() {
        assertThat(SectorClassifier.fineSector(Optional.of(new StockMasterEntry("005930", "삼성전자", 1L, "전기전자",
                "반도체와반도체장비", null, false)), "삼성전자")).isEqualTo("반도체와반도체장비");
        assertThat(SectorClassifier.fineSector(Optional.of(new StockMasterEntry("005930", "삼성전자", 1L, "전기전자",
                "", null, false)), "삼성전자")).isEqualTo("전기전자");
        assertThat(SectorClassifier.fineSector(Optional.of(new StockMasterEntry("005930", "삼성전자", 1L, "미분류",
                null, null, false)), "삼성전자")).isEqualTo("정보통신");
        assertThat(SectorClassifier.fineSector(Optional.empty(), "알수없음")).isEqualTo("기타");
    }

    @Test
    void keywordCategoriesAreCheckedInSpecOrder() {
        assertThat(SectorClassifier.byName("기아")).isEqualTo("자유소비재");
        assertThat(SectorClassifier.byName("KT&G")).isEqualTo("정보통신"); // "KT" in 정보통신 matches first
        assertThat(SectorClassifier.byName("KB금융")).isEqualTo("금융");
    }

    @Test
    void groupsMapFineSectorsAndUnmappedSectorsAreTheirOwnGroup() {
        assertThat(SectorClassifier.group("반도체와반도체장비")).isEqualTo("반도체/IT");
        assertThat(SectorClassifier.group("섬유,의류,신발,호화품")).isEqualTo("소비재");
        assertThat(SectorClassifier.group("정보통신")).isEqualTo("정보통신");
    }
}
