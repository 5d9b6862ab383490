package com.primejennie.scheduler.jobs;

/** A job definition or request the scheduler refuses; the message names the bad input (answered as HTTP 400). */
public class InvalidJobException extends RuntimeException {

    public InvalidJobException(String message) {
        super(message);
    }
}
