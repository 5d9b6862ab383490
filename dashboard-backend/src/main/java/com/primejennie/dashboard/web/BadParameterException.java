package com.primejennie.dashboard.web;

/** A request parameter out of its documented range; answered 422 like FastAPI's validation error. */
public class BadParameterException extends RuntimeException {

    private final String location;
    private final String name;

    public BadParameterException(String location, String name, String message) {
        super(message);
        this.location = location;
        this.name = name;
    }

    public String location() {
        return location;
    }

    public String name() {
        return name;
    }
}
