package com.primejennie.scoutjob.scout.universe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.primejennie.scoutjob.scout.inputs.ScoutDataReader.LastCloses;
import com.primejennie.scoutjob.scout.quant.Indicators;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.trading.SectorGroups;

/** The universe from the stock master and the rankings (no scraping), and the falling-knife rule. */
class UniverseBuilderTest {

    static final LocalDate D = LocalDate.of(2026, 3, 3);

    static StockMasterEntry stock(String code, long cap, String sector, boolean etf) {
        return new StockMasterEntry(code, "n" + code, cap, null, sector, null, etf);
    }

    static LastCloses closes(String code, double close, double previous, long volume) {
        return new LastCloses(code, D, close, previous, volume);
    }

    @Test
    void takesMarketCapLeadersVolumeLeadersHotSectorsAndBlueChipsWithoutEtfsOrExclusions() {
        List<StockMasterEntry> master = List.of(
                stock("000001", 900, "은행", false), stock("000002", 800, "조선", false),
                stock("000003", 700, "조선", false), stock("000004", 600, "은행", false),
                stock("000005", 500, "화학", false), stock("000006", 400, "조선", false),
                stock("069500", 1000, "ETF", true), stock("005930", 100, "반도체와반도체장비", false),
                stock("000007", 50, "화학", false));
        Map<String, LastCloses> c = Map.of(
                "000001", closes("000001", 100, 100, 10), "000002", closes("000002", 110, 100, 10),
                "000003", closes("000003", 105, 100, 10), "000004", closes("000004", 99, 100, 10),
                "000007", closes("000007", 1000, 1000, 1_000_000), "069500", closes("069500", 1, 1, 1));
        Map<String, Candidate> u = new UniverseBuilder(SectorGroups.defaultGroups()).build(master, c, 4, 1,
                Set.of("000004"));
        assertThat(u).doesNotContainKeys("069500", "000004");
        assertThat(u.get("000001").reasons()).contains("시총 상위");
        assertThat(u.get("000007").reasons()).containsExactly("거래대금 상위");
        // 조선 leads the leaders' sectors (+7.5 %): its members by market cap join, 000006 too
        assertThat(u.get("000006").reasons()).anySatisfy(r -> assertThat(r).startsWith("핫 섹터 (조선, +7.5%)"));
        assertThat(u.get("005930").reasons()).contains("대표 우량주");
        assertThat(u.get("000002").group()).isEqualTo("조선/방산");
    }

    @Test
    void resolvesTheSectorAsTheSpecDoes() {
        assertThat(UniverseBuilder.sectorOf(new StockMasterEntry("000001", "a", 1L, "IT", "반도체와반도체장비", null,
                false))).isEqualTo("반도체와반도체장비");
        assertThat(UniverseBuilder.sectorOf(new StockMasterEntry("000001", "a", 1L, "IT", null, null, false)))
                .isEqualTo("IT");
        assertThat(UniverseBuilder.sectorOf(new StockMasterEntry("000001", "a", 1L, "etc", " ", null, false)))
                .isEqualTo("기타");
    }

    @Test
    void fallingKnifeNeedsAFiveDayDropOverThreePercentAndMa5BelowMa20() {
        double[] steady = new double[30];
        for (int i = 0; i < 30; i++) {
            steady[i] = 100;
        }
        double[] knife = steady.clone();
        for (int i = 25; i < 30; i++) {
            knife[i] = 100 - (i - 24) * 1.0; // 99 … 95: −5 % in 5 days, MA5 97 < MA20
        }
        assertThat(Indicators.changePct(knife, 5)).isCloseTo(-5.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SectorMomentum.fallingKnife(knife)).isTrue();
        double[] dip = steady.clone();
        dip[29] = 98; // −2 %
        assertThat(SectorMomentum.fallingKnife(dip)).isFalse();
        assertThat(SectorMomentum.fallingKnife(new double[10])).isFalse();
    }
}
