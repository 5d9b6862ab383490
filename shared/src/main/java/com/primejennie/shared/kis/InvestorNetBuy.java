package com.primejennie.shared.kis;

/** Today's net buying of one stock by foreigners and institutions (foreign-institution-total), in shares. */
public record InvestorNetBuy(String code, String name, long foreignNetBuy, long institutionNetBuy) {
}
