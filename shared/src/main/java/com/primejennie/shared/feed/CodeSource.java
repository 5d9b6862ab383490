package com.primejennie.shared.feed;

import java.util.List;

/**
 * A list of stock codes the feed should watch, in priority order: the holdings, or the hot watchlist by rank.
 * Implementations read the live source on every call and throw when it cannot be read, so the caller can keep the
 * previous plan instead of unsubscribing everything during an outage.
 */
@FunctionalInterface
public interface CodeSource {

    List<String> codes();
}
