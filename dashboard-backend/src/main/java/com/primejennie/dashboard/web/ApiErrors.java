package com.primejennie.dashboard.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors in the FastAPI shapes the old front end reads: {@code {"detail": "..."}} with the status, and 422
 * {@code {"detail": [{loc, msg, type}]}} for a bad query parameter. Limited to the API's packages, so the web
 * console's pages keep their own error handling.
 */
@RestControllerAdvice(basePackages = {"com.primejennie.dashboard.portfolio", "com.primejennie.dashboard.performance",
        "com.primejennie.dashboard.trades", "com.primejennie.dashboard.scout", "com.primejennie.dashboard.insight",
        "com.primejennie.dashboard.llm", "com.primejennie.dashboard.config", "com.primejennie.dashboard.market",
        "com.primejennie.dashboard.scheduler", "com.primejennie.dashboard.system", "com.primejennie.dashboard.logs",
        "com.primejennie.dashboard.orders", "com.primejennie.dashboard.security"})
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<Map<String, Object>> badParameter(BadParameterException e) {
        return validation(e.location(), e.name(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation("query", e.getName(), e.getName() + " has a wrong type: '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return validation("query", e.getParameterName(), e.getParameterName() + " is required");
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        if (e.status().is5xxServerError()) {
            log.warn("{}: {}", e.status().value(), e.getMessage());
        }
        return ResponseEntity.status(e.status()).body(Shape.of("detail", e.getMessage()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(Shape.of("detail", e.getReason()));
    }

    private static ResponseEntity<Map<String, Object>> validation(String location, String name, String message) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Shape.of("detail", List.of(
                Shape.of("loc", List.of(location, name), "msg", message, "type", "value_error"))));
    }
}
