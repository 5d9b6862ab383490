package com.primejennie.shared.kis;

/** One period of finance/income-statement; amounts in 억원 as KIS reports them. */
public record IncomeStatement(String yymm, double sales, double operatingProfit, double netIncome) {
}
