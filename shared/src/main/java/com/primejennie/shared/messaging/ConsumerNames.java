package com.primejennie.shared.messaging;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stable consumer names, so a restarted service finds and recovers its own pending entries (the Python suite used
 * {@code <service>-<pid>}, which changes on every restart and strands them). The name is {@code <service>-<host>}, or
 * the configured fixed name; the second and later workers of the same stream and group in one process get
 * {@code -2}, {@code -3}, … in creation order, which is again the same after a restart.
 */
public final class ConsumerNames {

    private final String base;
    private final Map<String, Integer> issued = new ConcurrentHashMap<>();

    public ConsumerNames(String base) {
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("consumer name base must not be blank");
        }
        this.base = base;
    }

    /** {@code consumerName} when set, else {@code <service>-<host>}. */
    public static ConsumerNames of(String consumerName, String serviceName) {
        if (consumerName != null && !consumerName.isBlank()) {
            return new ConsumerNames(consumerName);
        }
        String service = serviceName == null || serviceName.isBlank() ? "jennie" : serviceName;
        return new ConsumerNames(service + "-" + hostName());
    }

    public String base() {
        return base;
    }

    /** The name of the next worker on {@code stream}/{@code group} in this process. */
    public String next(String stream, String group) {
        int n = issued.merge(stream + "\u0000" + group, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost";
            }
        }
        return host;
    }
}
