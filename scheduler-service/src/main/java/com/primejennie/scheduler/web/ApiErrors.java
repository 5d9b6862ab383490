package com.primejennie.scheduler.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.primejennie.scheduler.jobs.InvalidJobException;
import com.primejennie.scheduler.jobs.JobNotFoundException;
import com.primejennie.shared.messaging.PublishException;

/**
 * Errors as the Python API (FastAPI) answered them, {@code {"detail": "..."}}, which the dashboard passes on: 400 for
 * a bad request with the reason, 404 for a missing job, 503 when the database or Redis cannot be reached.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidJobException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidJobException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(JobNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(JobNotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "요청 본문을 JSON으로 읽을 수 없습니다: " + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, String>> database(DataAccessException e) {
        log.warn("scheduler API: database error: {}", e.getMostSpecificCause().getMessage());
        return body(HttpStatus.SERVICE_UNAVAILABLE, "데이터베이스 오류: " + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(PublishException.class)
    ResponseEntity<Map<String, String>> publish(PublishException e) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, "작업을 발행하지 못했습니다: " + e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(Map.of("detail", detail == null ? status.getReasonPhrase() : detail));
    }
}
