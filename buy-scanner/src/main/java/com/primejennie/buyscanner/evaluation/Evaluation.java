package com.primejennie.buyscanner.evaluation;

import java.util.Optional;

import com.primejennie.buyscanner.signal.DetectedSignal;

/**
 * The result of evaluating one stock on one completed bar.
 *
 * @param failedGate the first gate that failed, null when all passed
 */
public record Evaluation(String failedGate, Optional<DetectedSignal> signal) {
}
