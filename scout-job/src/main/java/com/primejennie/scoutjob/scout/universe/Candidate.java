package com.primejennie.scoutjob.scout.universe;

import java.util.ArrayList;
import java.util.List;

/**
 * One stock of the candidate universe: code, name, sector (STOCK_MASTER's Naver sector, else its KOSPI 200 sector,
 * else 기타), the sector group of the shared mapping, and why it is a candidate (Korean reasons, as the Python
 * scout wrote them; they feed the decision ledger's keywords).
 */
public final class Candidate {

    private final String code;
    private final String name;
    private final String sector;
    private final String group;
    private final Long marketCap;
    private final List<String> reasons = new ArrayList<>();

    public Candidate(String code, String name, String sector, String group, Long marketCap) {
        this.code = code;
        this.name = name == null || name.isBlank() ? code : name;
        this.sector = sector;
        this.group = group;
        this.marketCap = marketCap;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String sector() {
        return sector;
    }

    public String group() {
        return group;
    }

    /** KRW, from STOCK_MASTER; null when unknown. */
    public Long marketCap() {
        return marketCap;
    }

    public List<String> reasons() {
        return reasons;
    }

    public Candidate reason(String reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
        return this;
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
