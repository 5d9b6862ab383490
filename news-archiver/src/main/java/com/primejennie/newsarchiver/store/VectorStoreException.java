package com.primejennie.newsarchiver.store;

/** The vector store could not do what was asked (server unreachable, refused, timed out); names the operation. */
public class VectorStoreException extends RuntimeException {

    public VectorStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
