package com.primejennie.shared.kis;

/** One period of finance/growth-ratio (percent). */
public record GrowthRatio(String yymm, double salesGrowth, double operatingProfitGrowth, double equityGrowth,
                          double totalAssetGrowth) {
}
