package com.primejennie.dashboard.security;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.ApiException;
import com.primejennie.dashboard.web.Shape;

/** {@code /api/auth/login}, {@code me}, {@code refresh} with the Python shapes (spec §2.2). */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    /** The login body. */
    public record LoginRequest(String username, String password) {
    }

    private final OperatorCredentials credentials;
    private final JwtTokens tokens;

    public AuthController(OperatorCredentials credentials, JwtTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @PostMapping("/login")
    public Map<String, Object> login(@RequestBody(required = false) LoginRequest body) {
        if (body == null || !credentials.matches(body.username(), body.password())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid credentials");
        }
        return tokenResponse(body.username());
    }

    @GetMapping("/me")
    public Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
        return Shape.of("username", jwt.getSubject(), "role", jwt.getClaimAsString("role"),
                "exp", jwt.getExpiresAt() == null ? null : jwt.getExpiresAt().getEpochSecond());
    }

    @PostMapping("/refresh")
    public Map<String, Object> refresh(@AuthenticationPrincipal Jwt jwt) {
        return tokenResponse(jwt.getSubject());
    }

    private Map<String, Object> tokenResponse(String username) {
        return Shape.of("access_token", tokens.issue(username), "token_type", "bearer",
                "expires_in", tokens.ttl().toSeconds(), "user", Shape.of("username", username, "role", "admin"));
    }
}
