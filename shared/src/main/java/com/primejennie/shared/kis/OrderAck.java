package com.primejennie.shared.kis;

/** KIS's acceptance of an order: {@code ODNO}, the exchange branch {@code KRX_FWDG_ORD_ORGNO} and {@code ORD_TMD}. */
public record OrderAck(String orderNo, String branchNo, String orderTime) {
}
