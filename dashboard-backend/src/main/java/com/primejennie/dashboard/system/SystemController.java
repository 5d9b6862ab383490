package com.primejennie.dashboard.system;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.Shape;

/** {@code /api/system/*}: jobs, streams (and the old RabbitMQ card), services (and the old Docker card), halts. */
@RestController
public class SystemController {

    private final SystemJobsQuery jobs;
    private final StreamHealthQuery streams;
    private final ServiceHealthQuery services;
    private final SafetyQuery safety;
    private final RealtimeMonitorQuery monitor;

    public SystemController(SystemJobsQuery jobs, StreamHealthQuery streams, ServiceHealthQuery services,
                            SafetyQuery safety, RealtimeMonitorQuery monitor) {
        this.jobs = jobs;
        this.streams = streams;
        this.services = services;
        this.safety = safety;
        this.monitor = monitor;
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        return Shape.of("status", "healthy", "service", "dashboard-backend", "timestamp",
                java.time.Instant.now().toString());
    }

    @GetMapping("/api/system/status")
    public List<Map<String, Object>> status() {
        return jobs.status();
    }

    @GetMapping("/api/system/scheduler")
    public Map<String, Object> scheduler() {
        return jobs.scheduler();
    }

    @GetMapping("/api/system/streams")
    public Map<String, Object> streams() {
        return streams.streams();
    }

    @GetMapping("/api/system/rabbitmq")
    public Map<String, Object> rabbitmq() {
        return streams.rabbitmqShape();
    }

    @GetMapping("/api/system/services")
    public Map<String, Object> services() {
        return services.services();
    }

    @GetMapping("/api/system/docker")
    public Map<String, Object> docker() {
        return services.dockerShape();
    }

    @GetMapping("/api/system/halts")
    public Map<String, Object> halts() {
        return safety.halts();
    }

    @GetMapping("/api/system/realtime-monitor")
    public Map<String, Object> realtimeMonitor() {
        return monitor.monitor();
    }
}
