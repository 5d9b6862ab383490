package com.primejennie.shared.trading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

import com.primejennie.shared.domain.SectorBudget;

/**
 * The sector → group roll-up that scout's dynamic sector budget and the buy-executor's portfolio guard share
 * (spec/upstream-2026-02-18.md "Dynamic sector budget", spec/buy-path.md "Portfolio Guard"): both must put a stock in
 * the same group, or the budget scout writes ({@link SectorBudget}) caps the wrong stocks.
 *
 * <p>Defaults ({@link #DEFAULTS}): the Python suite's roll-up of Naver's fine sectors ({@code STOCK_MASTER.SECTOR_NAVER})
 * into 16 groups plus {@value #OTHER}, and the coarse KOSPI 200 / keyword categories the Python sector resolution falls
 * back to. Configure with {@code jennie.sectors.groups[<group>]=<sector>,<sector>} (brackets because group names hold
 * {@code /}; a sector holding a comma, such as {@code 섬유,의류,신발,호화품}, is given by index:
 * {@code jennie.sectors.groups[소비재][0]=...}); a configured group replaces that group's default list, and its sectors leave any other group. A sector
 * that names a group is that group; any other sector, and a missing one, is {@value #OTHER} (the Python suite made an
 * unmapped fine sector its own group, so two stocks of an unmapped sector escaped every cap).
 */
public final class SectorGroups {

    /** The group of every unmapped or missing sector. */
    public static final String OTHER = "기타";
    /** The property prefix of configured groups. */
    public static final String PREFIX = "jennie.sectors.groups";

    /** The default groups and their sectors, in display order. */
    public static final Map<String, List<String>> DEFAULTS = defaults();

    private final Map<String, List<String>> groups;
    private final Map<String, String> groupBySector;

    public SectorGroups(Map<String, List<String>> configured) {
        Map<String, List<String>> all = new LinkedHashMap<>(DEFAULTS);
        Map<String, String> bySector = new LinkedHashMap<>();
        for (var entry : configured.entrySet()) {
            String group = requireName(entry.getKey());
            List<String> sectors = entry.getValue().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            all.put(group, sectors);
        }
        // Configured groups first, so a sector they list leaves its default group.
        for (var entry : configured.entrySet()) {
            for (String sector : all.get(entry.getKey().trim())) {
                bySector.putIfAbsent(sector, entry.getKey().trim());
            }
        }
        for (var entry : all.entrySet()) {
            for (String sector : entry.getValue()) {
                bySector.putIfAbsent(sector, entry.getKey());
            }
        }
        all.putIfAbsent(OTHER, List.of());
        this.groups = Collections.unmodifiableMap(all);
        this.groupBySector = Map.copyOf(bySector);
    }

    /** The defaults alone. */
    public static SectorGroups defaultGroups() {
        return new SectorGroups(Map.of());
    }

    /** The defaults with {@code jennie.sectors.groups[...]} of {@code environment} applied. */
    public static SectorGroups from(Environment environment) {
        Bindable<Map<String, List<String>>> type = Bindable.of(ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(List.class, String.class)));
        return new SectorGroups(Binder.get(environment).bind(PREFIX, type).orElse(Map.of()));
    }

    /** The group of {@code sector} ({@code STOCK_MASTER}'s sector); {@value #OTHER} when unknown or blank. */
    public String groupOf(String sector) {
        if (sector == null || sector.isBlank()) {
            return OTHER;
        }
        String s = sector.trim();
        String group = groupBySector.get(s);
        if (group != null) {
            return group;
        }
        return groups.containsKey(s) ? s : OTHER;
    }

    /** Every group name, {@value #OTHER} included. */
    public Set<String> groups() {
        return groups.keySet();
    }

    /** The sectors mapped to {@code group}. */
    public List<String> sectorsOf(String group) {
        return groups.getOrDefault(group, List.of());
    }

    /**
     * How many stocks of {@code sector}'s group the portfolio may hold: the group's cap in {@code budget}, else
     * {@code fallback} ({@code MAX_SECTOR_STOCKS}) when there is no budget, the group is missing or has no cap.
     */
    public int portfolioCap(SectorBudget budget, String sector, int fallback) {
        if (budget == null) {
            return fallback;
        }
        SectorBudget.Group group = budget.groups().get(groupOf(sector));
        return group == null || group.portfolioCap() == null ? fallback : group.portfolioCap();
    }

    private static String requireName(String group) {
        Objects.requireNonNull(group, "group");
        if (group.isBlank()) {
            throw new IllegalArgumentException(PREFIX + ": a group needs a name");
        }
        return group.trim();
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("반도체/IT", List.of("반도체와반도체장비", "디스플레이장비및부품", "디스플레이패널", "전자장비와기기", "전자제품",
                "컴퓨터와주변기기", "핸드셋", "사무용전자제품", "전기제품", "정보통신", "IT"));
        m.put("IT/SW", List.of("소프트웨어", "IT서비스", "양방향미디어와서비스", "인터넷과카탈로그소매"));
        m.put("통신", List.of("통신장비", "다각화된통신서비스", "무선통신서비스", "커뮤니케이션서비스"));
        m.put("게임/엔터", List.of("게임엔터테인먼트", "방송과엔터테인먼트", "레저용장비와제품", "광고", "출판"));
        m.put("자동차", List.of("자동차", "자동차부품", "자유소비재", "경기소비재"));
        m.put("조선/방산", List.of("조선", "우주항공과국방", "중공업"));
        m.put("에너지/화학", List.of("화학", "석유와가스", "에너지장비및서비스", "가스유틸리티", "에너지화학", "2차전지"));
        m.put("전력/유틸리티", List.of("전기유틸리티", "복합유틸리티", "전기장비"));
        m.put("바이오", List.of("제약", "생물공학", "생명과학도구및서비스", "건강관리장비와용품", "건강관리업체및서비스",
                "건강관리기술", "헬스케어", "바이오"));
        m.put("금융", List.of("은행", "증권", "손해보험", "생명보험", "카드", "기타금융", "창업투자"));
        m.put("소비재", List.of("식품", "식품과기본식료품소매", "음료", "담배", "가정용품", "가정용기기와용품", "화장품",
                "섬유,의류,신발,호화품", "호텔,레스토랑,레저", "다각화된소비자서비스", "교육서비스", "필수소비재", "생활소비재"));
        m.put("유통", List.of("백화점과일반상점", "전문소매", "판매업체", "무역회사와판매업체"));
        m.put("건설/소재", List.of("건설", "건축자재", "건축제품", "건설기계"));
        m.put("철강/소재", List.of("철강", "비철금속", "포장재", "종이와목재", "철강소재", "철강/소재"));
        m.put("기계", List.of("기계", "산업재"));
        m.put("운송", List.of("해운사", "항공사", "항공화물운송과물류", "도로와철도운송", "운송인프라", "조선운송"));
        m.put(OTHER, List.of("상업서비스와공급품", "부동산", "복합기업", "가구", "문구류", "기타", "etc", "미분류"));
        return Collections.unmodifiableMap(m);
    }
}
