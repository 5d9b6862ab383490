package com.primejennie.shared.feed;

import java.util.List;

/** Where the account's execution notices go (stream {@code kis:fills}); throws when the publish failed. */
public interface FillPublisher {

    void publish(List<FillNotice> notices);
}
