package com.primejennie.shared.feed;

import java.util.List;

/** Stores finished minute bars ({@code STOCK_MINUTE_PRICE}); throws when the write failed. */
public interface MinuteBarWriter {

    void write(List<MinuteBar> bars);
}
