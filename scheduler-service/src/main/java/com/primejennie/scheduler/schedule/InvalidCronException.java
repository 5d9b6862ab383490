package com.primejennie.scheduler.schedule;

/** A cron expression the scheduler cannot read; the message names the expression and why. */
public class InvalidCronException extends IllegalArgumentException {

    public InvalidCronException(String message) {
        super(message);
    }
}
