package com.trackgeek.simulator.jikan;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every failure of a Jikan endpoint answers in Jikan's error shape, never Spring's. */
@RestControllerAdvice(basePackageClasses = JikanExceptionHandler.class)
class JikanExceptionHandler {

    @ExceptionHandler
    ResponseEntity<JikanError> jikanError(JikanRequestException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    @ExceptionHandler
    ResponseEntity<JikanError> malformedParameter(MethodArgumentTypeMismatchException e) {
        JikanRequestException badRequest =
                JikanRequestException.badRequest("The " + e.getName() + " must be an integer.");
        return jikanError(badRequest);
    }
}
