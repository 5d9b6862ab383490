package com.primejennie.shared.kis;

import java.time.LocalDate;

/** Net buying by investor group on one day (inquire-investor), in shares. */
public record InvestorFlow(LocalDate date, long close, long individualNetBuy, long foreignNetBuy,
                           long institutionNetBuy) {
}
