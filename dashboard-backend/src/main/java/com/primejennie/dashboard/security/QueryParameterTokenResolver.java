package com.primejennie.dashboard.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token from the {@code Authorization} header, or - on the {@code /ws} handshake only, where browsers
 * cannot set headers - from the query parameter {@code token} (or {@code access_token}).
 */
public class QueryParameterTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = header.resolve(request);
        if (token != null) {
            return token;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/ws") || path.startsWith("/ws/")) {
            String q = request.getParameter("token");
            if (q == null || q.isBlank()) {
                q = request.getParameter("access_token");
            }
            return q == null || q.isBlank() ? null : q;
        }
        return null;
    }
}
