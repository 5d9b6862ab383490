package com.primejennie.shared.kis;

/**
 * One period of finance/financial-ratio.
 *
 * @param yymm settlement year-month ({@code stac_yymm}, e.g. 202509)
 */
public record FinancialRatio(String yymm, double salesGrowth, double operatingProfitGrowth, double netIncomeGrowth,
                             double roe, double eps, double sps, double bps, double reserveRate, double debtRate) {
}
