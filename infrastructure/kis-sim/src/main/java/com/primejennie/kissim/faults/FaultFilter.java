package com.primejennie.kissim.faults;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Applies planned faults to KIS calls ({@code /uapi}, {@code /oauth2}) before or after they are processed. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class FaultFilter extends OncePerRequestFilter {

    private final FaultPlan plan;
    private final JsonMapper json;

    public FaultFilter(FaultPlan plan, JsonMapper json) {
        this.plan = plan;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/uapi/") || path.startsWith("/oauth2/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<FaultPlan.Fault> fault = plan.take(request.getRequestURI());
        if (fault.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        FaultPlan.Fault f = fault.get();
        switch (f.kind()) {
            case HTTP_500 -> write(response, Map.of("rt_cd", "1", "msg_cd", f.msgCd(),
                    "msg1", f.msgCd().isEmpty() ? "" : "시스템 오류입니다."));
            case RATE_LIMIT -> write(response, Map.of("rt_cd", "1", "msg_cd", "EGW00201",
                    "msg1", "초당 거래건수를 초과하였습니다."));
            case TOKEN_EXPIRED -> write(response, Map.of("rt_cd", "1", "msg_cd", "EGW00123",
                    "msg1", "기간이 만료된 token 입니다."));
            case TIMEOUT -> {
                plan.hold(f.hold());
                response.setStatus(504);
            }
            case LOST_RESPONSE -> {
                ContentCachingResponseWrapper swallowed = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, swallowed);
                plan.hold(f.hold());
                response.reset();
                response.setStatus(504);
            }
            case DELAYED_ACCEPT -> {
                // read the body now: the client is gone by the time the order is processed
                BufferedBodyRequest buffered = new BufferedBodyRequest(request);
                plan.hold(f.hold());
                ContentCachingResponseWrapper swallowed = new ContentCachingResponseWrapper(response);
                chain.doFilter(buffered, swallowed);
                response.reset();
                response.setStatus(504);
            }
        }
    }

    private void write(HttpServletResponse response, Map<String, String> body) throws IOException {
        response.setStatus(500);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
