package com.primejennie.kissim.orders;

import java.time.LocalDate;
import java.time.LocalTime;

/** One execution of an order. */
public record Fill(long sequence, String odno, String cano, String code, String name, Side side, long quantity,
                   long price, LocalDate date, LocalTime time) {
}
