package com.primejennie.scoutjob.scout.quant;

import java.time.LocalDate;

/**
 * One day of investor flows of one stock, a row of {@code STOCK_INVESTOR_TRADING}: net buying in shares of foreigners,
 * institutions and individuals (KIS {@code inquire-investor}, {@code *_ntby_qty}), and the foreign holding ratio in %.
 * Any field may be null when the source did not give it.
 */
public record InvestorDay(LocalDate date, Double foreignNet, Double institutionNet, Double individualNet,
                          Double foreignHoldingRatio) {
}
