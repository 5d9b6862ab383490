package com.primejennie.shared.persistence;

/**
 * One listed stock, a row of {@code STOCK_MASTER}: name, size and sector, used to resolve names and sectors.
 *
 * @param marketCap KRW, or null
 * @param etf       {@code IS_ETF}; false where the column does not exist in an older install
 */
public record StockMasterEntry(String stockCode, String stockName, Long marketCap, String sectorKospi200,
                               String sectorNaver, String sectorNaverGroup, boolean etf) {

    public StockMasterEntry {
        Rows.requireCode(stockCode);
    }
}
