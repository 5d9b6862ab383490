package com.primejennie.shared.feed;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the feed once the application context is up and stops it first at shutdown, so the last minute bars are
 * written while the database connection still exists.
 */
public final class FeedStarter implements SmartLifecycle {

    private final KisRealtimeFeed feed;
    private volatile boolean running;

    public FeedStarter(KisRealtimeFeed feed) {
        this.feed = feed;
    }

    @Override
    public void start() {
        feed.start();
        running = true;
    }

    @Override
    public void stop() {
        if (running) {
            feed.close();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
