package com.primejennie.scheduler.jobs;

/** No job with this id in the scheduler's scope (HTTP 404, as the Python scheduler answered). */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String jobId) {
        super("Job '" + jobId + "'을(를) 찾을 수 없습니다.");
    }
}
