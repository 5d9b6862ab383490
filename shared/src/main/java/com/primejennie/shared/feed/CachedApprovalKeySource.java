package com.primejennie.shared.feed;

import java.util.function.Supplier;

/**
 * Keeps one approval key for as long as KIS accepts it (keys last 24 h) and asks the issuer again only when the feed
 * says KIS refused it. Adapts the shared KIS client's {@code approvalKey()} (which issues a new key on every call).
 */
public final class CachedApprovalKeySource implements ApprovalKeySource {

    private final Supplier<String> issuer;
    private String cached;

    public CachedApprovalKeySource(Supplier<String> issuer) {
        this.issuer = issuer;
    }

    @Override
    public synchronized String approvalKey(boolean forceNew) {
        if (forceNew || cached == null) {
            cached = issuer.get();
        }
        return cached;
    }
}
