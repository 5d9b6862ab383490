package com.primejennie.shared.feed;

/**
 * Issues the KIS WebSocket approval key that every subscribe message carries. {@code forceNew} asks for a fresh key
 * (after KIS rejected the cached one). Throws when no key can be had.
 */
@FunctionalInterface
public interface ApprovalKeySource {

    String approvalKey(boolean forceNew);
}
