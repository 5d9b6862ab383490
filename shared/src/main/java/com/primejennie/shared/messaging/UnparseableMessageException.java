package com.primejennie.shared.messaging;

/** A stream entry whose fields do not form a message; the worker dead-letters it as "unparseable". */
public class UnparseableMessageException extends Exception {

    public UnparseableMessageException(String message) {
        super(message);
    }

    public UnparseableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
