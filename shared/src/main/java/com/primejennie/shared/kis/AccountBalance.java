package com.primejennie.shared.kis;

import java.util.List;

/**
 * The account as inquire-balance reports it: holdings and the summary of {@code output2[0]} (KRW).
 *
 * @param cashDeposit   {@code dnca_tot_amt}
 * @param stockValue    {@code scts_evlu_amt}
 * @param totalValue    {@code tot_evlu_amt}
 * @param unrealizedPnl {@code evlu_pfls_smtl_amt}
 */
public record AccountBalance(List<Holding> holdings, long cashDeposit, long stockValue, long totalValue,
                             long unrealizedPnl) {
    public AccountBalance {
        holdings = List.copyOf(holdings);
    }
}
