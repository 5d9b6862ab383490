package com.primejennie.scoutjob.data;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Which codes a data job has finished for one session, in a Redis set ({@code data:checkpoint:<job>:<yyyymmdd>}),
 * so a run that crashed resumes where it stopped and a rerun of the same session asks KIS nothing.
 */
public class JobCheckpoints {

    private final StringRedisTemplate redis;
    private final Duration ttl;

    public JobCheckpoints(StringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    public boolean isDone(String jobId, LocalDate session, String item) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember(key(jobId, session), item));
    }

    public void markDone(String jobId, LocalDate session, String item) {
        String key = key(jobId, session);
        redis.opsForSet().add(key, item);
        redis.expire(key, ttl);
    }

    public long doneCount(String jobId, LocalDate session) {
        Long n = redis.opsForSet().size(key(jobId, session));
        return n == null ? 0 : n;
    }

    /** Forgets a session's progress (an operator's forced refresh). */
    public void reset(String jobId, LocalDate session) {
        redis.delete(key(jobId, session));
    }

    static String key(String jobId, LocalDate session) {
        return "data:checkpoint:" + jobId + ":" + session.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }
}
