package com.primejennie.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;

import com.primejennie.shared.domain.SectorBudget;

/** The sector → group roll-up that scout's sector budget and the portfolio guard share. */
class SectorGroupsTest {

    private static final SectorGroups DEFAULTS = SectorGroups.defaultGroups();

    static Stream<Arguments> sectors() {
        return Stream.of(
                Arguments.of("반도체와반도체장비", "반도체/IT"),
                Arguments.of("핸드셋", "반도체/IT"),
                Arguments.of("소프트웨어", "IT/SW"),
                Arguments.of("자동차부품", "자동차"),
                Arguments.of("우주항공과국방", "조선/방산"),
                Arguments.of("제약", "바이오"),
                Arguments.of("은행", "금융"),
                Arguments.of("섬유,의류,신발,호화품", "소비재"),
                Arguments.of("해운사", "운송"),
                Arguments.of("철강", "철강/소재"),
                Arguments.of(" 화학 ", "에너지/화학"),
                // coarse categories of the Python fallback resolution
                Arguments.of("정보통신", "반도체/IT"),
                Arguments.of("에너지화학", "에너지/화학"),
                // a sector that names a group is that group
                Arguments.of("금융", "금융"),
                // unknown, blank, missing: 기타 (Python made an unmapped sector its own group, escaping every cap)
                Arguments.of("우주엘리베이터", "기타"),
                Arguments.of("", "기타"),
                Arguments.of(null, "기타"),
                Arguments.of("미분류", "기타"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sectors")
    void defaultRollUp(String sector, String group) {
        assertThat(DEFAULTS.groupOf(sector)).isEqualTo(group);
    }

    @Test
    void defaultsAreTheKoreanGroupsOfThePythonRollUp() {
        assertThat(DEFAULTS.groups()).hasSize(17).contains("반도체/IT", "바이오", "금융", "기타");
    }

    @Test
    void configuredGroupReplacesItsDefaultsAndTakesItsSectorsFromOtherGroups() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("jennie.sectors.groups[2차전지]", "전기장비, 화학")
                .withProperty("jennie.sectors.groups[소비재][0]", "섬유,의류,신발,호화품")
                .withProperty("jennie.sectors.groups[소비재][1]", "화장품");
        SectorGroups groups = SectorGroups.from(env);

        assertThat(groups.groupOf("화학")).isEqualTo("2차전지");
        assertThat(groups.groupOf("전기장비")).isEqualTo("2차전지");
        assertThat(groups.groupOf("석유와가스")).isEqualTo("에너지/화학");
        assertThat(groups.groupOf("섬유,의류,신발,호화품")).isEqualTo("소비재");
        assertThat(groups.groupOf("식품")).as("dropped from the configured 소비재").isEqualTo("기타");
        assertThat(groups.sectorsOf("2차전지")).containsExactly("전기장비", "화학");
    }

    static Stream<Arguments> caps() {
        SectorBudget budget = new SectorBudget("2026-02-11T00:00:00+00:00", Map.of(
                "반도체/IT", new SectorBudget.Group(SectorBudget.Tier.HOT, 5, 5, 3.1, 12),
                "바이오", new SectorBudget.Group(SectorBudget.Tier.COOL, 2, 2, -2.0, 8),
                "금융", new SectorBudget.Group(SectorBudget.Tier.WARM, 3, null, 0.4, 5)));
        return Stream.of(
                Arguments.of(budget, "반도체와반도체장비", 5),
                Arguments.of(budget, "제약", 2),
                Arguments.of(budget, "은행", 3),        // group without a portfolio cap: MAX_SECTOR_STOCKS
                Arguments.of(budget, "자동차", 3),       // group missing from the budget
                Arguments.of(budget, "미지의섹터", 3),    // 기타, missing
                Arguments.of(null, "제약", 3));          // no sector_budget:active
    }

    @ParameterizedTest
    @MethodSource("caps")
    void portfolioCapComesFromTheBudgetOfTheSectorsGroupElseMaxSectorStocks(SectorBudget budget, String sector,
                                                                            int cap) {
        assertThat(DEFAULTS.portfolioCap(budget, sector, 3)).isEqualTo(cap);
    }
}
