package com.primejennie.buyexecutor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Every endpoint but health (and the read-only actuator info and metrics scrape) needs the suite's internal token ({@code jennie.internal-token}, env
 * {@code JENNIE_INTERNAL_TOKEN}) in {@code X-Internal-Token} or {@code Authorization: Bearer}: this service places
 * orders. Without a configured token every such request is refused (fail closed).
 */
public final class InternalTokenFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Internal-Token";

    private final byte[] token;

    public InternalTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/health") || path.startsWith("/actuator/health") || path.equals("/actuator/prometheus")
                || path.equals("/actuator/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token == null) {
            reject(response, HttpServletResponse.SC_FORBIDDEN,
                    "internal token not configured (jennie.internal-token / JENNIE_INTERNAL_TOKEN)");
            return;
        }
        String given = request.getHeader(HEADER);
        String auth = request.getHeader("Authorization");
        if (given == null && auth != null && auth.startsWith("Bearer ")) {
            given = auth.substring(7).trim();
        }
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "missing or wrong internal token (" + HEADER + ")");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":\"error\",\"reason\":\"" + message + "\"}");
    }
}
