package com.trackgeek.simulator.jikan;

import org.springframework.http.HttpStatus;

/** Ends a request with one of Jikan's error bodies. */
final class JikanRequestException extends RuntimeException {

    private final HttpStatus status;
    private final transient JikanError body;

    private JikanRequestException(HttpStatus status, JikanError body) {
        super(body.message(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static JikanRequestException notFound() {
        return new JikanRequestException(HttpStatus.NOT_FOUND, JikanError.notFound());
    }

    static JikanRequestException badRequest(String detail) {
        return new JikanRequestException(HttpStatus.BAD_REQUEST, JikanError.badRequest(detail));
    }

    HttpStatus status() {
        return status;
    }

    JikanError body() {
        return body;
    }
}
