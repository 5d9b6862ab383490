package com.primejennie.kissim.orders;

/**
 * The rejections the simulated exchange gives, in one place. APBK0952 (cash) is KIS's; the other codes are this
 * simulator's choice in KIS's APBK style, with KIS's wording.
 */
public final class Rejections {

    private Rejections() {
    }

    public static Rejection insufficientCash() {
        return new Rejection("APBK0952", "주문가능금액을 초과 했습니다");
    }

    public static Rejection insufficientQuantity() {
        return new Rejection("APBK0986", "주문가능수량을 초과 했습니다");
    }

    public static Rejection unknownStock(String code) {
        return new Rejection("APBK0656", "해당종목정보가 없습니다(" + code + ")");
    }

    public static Rejection badPrice() {
        return new Rejection("APBK1664", "주문단가가 호가단위에 맞지 않습니다");
    }

    public static Rejection outsidePriceLimits() {
        return new Rejection("APBK0507", "주문단가가 상/하한가를 벗어났습니다");
    }

    public static Rejection badQuantity() {
        return new Rejection("APBK0506", "주문수량을 확인하여 주십시오");
    }

    public static Rejection badOrderType(String code) {
        return new Rejection("APBK0440", "주문구분(ORD_DVSN) 코드 오류입니다(" + code + ")");
    }

    public static Rejection marketClosed() {
        return new Rejection("APBK0918", "장운영시간이 아닙니다");
    }

    public static Rejection unknownOrder(String odno) {
        return new Rejection("APBK0529", "원주문번호가 존재하지 않습니다(" + odno + ")");
    }

    public static Rejection nothingToCancel() {
        return new Rejection("APBK0530", "정정/취소 가능수량이 없습니다");
    }

    public static Rejection badAccount() {
        return new Rejection("OPSQ2000", "ERROR : INPUT INVALID_CHECK_ACNO");
    }
}
