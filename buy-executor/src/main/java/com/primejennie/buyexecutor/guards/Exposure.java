package com.primejennie.buyexecutor.guards;

/**
 * One stock the portfolio holds or is buying (an order in flight): its fine sector, group and KRW at cost (for an
 * open order: the amount still committed plus what has filled and is not yet in ACTIVE_PORTFOLIO).
 */
public record Exposure(String code, String fineSector, String group, double value) {
}
