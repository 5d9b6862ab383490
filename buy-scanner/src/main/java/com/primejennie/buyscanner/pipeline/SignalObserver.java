package com.primejennie.buyscanner.pipeline;

import com.primejennie.buyscanner.signal.DetectedSignal;
import com.primejennie.shared.messaging.ReceivedMessage;

/** Told about every published signal, with the tick entry that completed its bar (null for a timer close). */
@FunctionalInterface
public interface SignalObserver {

    SignalObserver NONE = (signal, streamId, origin) -> { };

    void published(DetectedSignal signal, String streamId, ReceivedMessage<?> origin);
}
