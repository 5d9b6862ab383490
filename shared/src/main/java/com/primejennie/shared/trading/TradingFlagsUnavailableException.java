package com.primejennie.shared.trading;

/**
 * A trading flag could not be read (Redis down with nothing recent cached, or a value that is not a flag). The state
 * is unknown: buyers fail closed, exits keep running ({@link TradingFlags#buysHalted()},
 * {@link TradingFlags#automaticExitsHalted()}), dry run answers "on" ({@link DryRunResolver}).
 */
public class TradingFlagsUnavailableException extends RuntimeException {

    public TradingFlagsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
