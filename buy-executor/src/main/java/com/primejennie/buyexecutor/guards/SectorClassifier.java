package com.primejennie.buyexecutor.guards;

import com.primejennie.shared.persistence.StockMasterEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fine sector and sector group of a stock (spec buy-path §3.4): STOCK_MASTER's Naver sector, else its KOSPI200 sector
 * (unless "etc"/"미분류"), else a keyword match on the name, else "기타"; the group maps fine sectors, an unmapped fine
 * sector is its own group. Held stocks are classified the same way (upstream: the Python suite counted them "기타").
 */
public final class SectorClassifier {

    public static final String OTHER = "기타";

    private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();
    private static final Map<String, String> GROUPS = new java.util.HashMap<>();

    static {
        KEYWORDS.put("정보통신", List.of("삼성전자", "SK하이닉스", "NAVER", "카카오", "삼성SDI", "LG전자", "삼성전기", "SK텔레콤",
                "하이브", "크래프톤", "KT", "대덕전자", "이수페타시스", "디아이", "코리아써키트", "해성디에스", "삼영"));
        KEYWORDS.put("자유소비재", List.of("현대차", "기아", "현대모비스", "만도", "한온시스템", "LG생활건강", "아모레퍼시픽", "신세계",
                "기아차", "코오롱모빌리티", "제이준코스메틱", "일정실업", "대일", "한세실업"));
        KEYWORDS.put("에너지화학", List.of("LG화학", "SK이노베이션", "S-Oil", "롯데케미칼", "포스코퓨처엠", "POSCO퓨처엠",
                "롯데에너지머티리얼즈", "엘앤에프", "효성", "이수화학"));
        KEYWORDS.put("금융", List.of("KB금융", "신한지주", "하나금융지주", "삼성생명", "카카오뱅크", "기업은행", "에이플러스에셋"));
        KEYWORDS.put("필수소비재", List.of("삼성바이오로직스", "셀트리온", "SK바이오사이언스", "KT&G", "아모레G", "일동홀딩스", "파미셀",
                "한올바이오파마", "한미약품", "일동제약", "삼성바이오"));
        KEYWORDS.put("철강소재", List.of("POSCO홀딩스", "고려아연"));
        KEYWORDS.put("조선운송", List.of("한국조선해양", "HMM", "대한항공", "동양고속"));
        KEYWORDS.put("건설기계", List.of("삼성물산", "현대건설", "두산에너빌리티", "LS ELECTRIC", "두산", "대한전선", "일진전기", "우진",
                "금강공업"));
        group("반도체/IT", "반도체와반도체장비", "디스플레이장비및부품", "디스플레이패널", "전자장비와기기", "전자제품", "컴퓨터와주변기기",
                "핸드셋", "사무용전자제품", "전기제품");
        group("IT/SW", "소프트웨어", "IT서비스", "양방향미디어와서비스", "인터넷과카탈로그소매");
        group("통신", "통신장비", "다각화된통신서비스", "무선통신서비스");
        group("게임/엔터", "게임엔터테인먼트", "방송과엔터테인먼트", "레저용장비와제품", "광고", "출판");
        group("자동차", "자동차", "자동차부품");
        group("조선/방산", "조선", "우주항공과국방");
        group("에너지/화학", "화학", "석유와가스", "에너지장비및서비스", "가스유틸리티");
        group("전력/유틸리티", "전기유틸리티", "복합유틸리티", "전기장비");
        group("바이오", "제약", "생물공학", "생명과학도구및서비스", "건강관리장비와용품", "건강관리업체및서비스", "건강관리기술");
        group("금융", "은행", "증권", "손해보험", "생명보험", "카드", "기타금융", "창업투자");
        group("소비재", "식품", "식품과기본식료품소매", "음료", "담배", "가정용품", "가정용기기와용품", "화장품", "섬유,의류,신발,호화품",
                "호텔,레스토랑,레저", "다각화된소비자서비스", "교육서비스");
        group("유통", "백화점과일반상점", "전문소매", "판매업체", "무역회사와판매업체");
        group("건설/소재", "건설", "건축자재", "건축제품");
        group("철강/소재", "철강", "비철금속", "포장재", "종이와목재");
        group("기계", "기계");
        group("운송", "해운사", "항공사", "항공화물운송과물류", "도로와철도운송", "운송인프라");
        group("기타", "상업서비스와공급품", "부동산", "복합기업", "가구", "문구류", "기타");
    }

    private static void group(String group, String... fine) {
        for (String f : fine) {
            GROUPS.put(f, group);
        }
    }

    private SectorClassifier() {
    }

    /** The fine sector from a STOCK_MASTER row (may be absent) and the stock's name. */
    public static String fineSector(Optional<StockMasterEntry> master, String name) {
        if (master.isPresent()) {
            String naver = master.get().sectorNaver();
            if (naver != null && !naver.isBlank()) {
                return naver.trim();
            }
            String k200 = master.get().sectorKospi200();
            if (k200 != null && !k200.isBlank() && !k200.trim().equals("etc") && !k200.trim().equals("미분류")) {
                return k200.trim();
            }
        }
        return byName(name);
    }

    /** Keyword inference from the stock name, categories in the spec's order. */
    public static String byName(String name) {
        if (name != null) {
            for (Map.Entry<String, List<String>> e : KEYWORDS.entrySet()) {
                for (String keyword : e.getValue()) {
                    if (name.contains(keyword)) {
                        return e.getKey();
                    }
                }
            }
        }
        return OTHER;
    }

    /** The group of a fine sector; an unmapped fine sector is its own group. */
    public static String group(String fineSector) {
        return GROUPS.getOrDefault(fineSector, fineSector);
    }
}
