package com.primejennie.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * HS256 access tokens with the Python claims ({@code sub}, {@code role}, {@code iat}, {@code exp}). The token expires
 * after exactly the lifetime {@code expires_in} reports - the Python suite said 24 h but signed 7 days [QUIRK, fixed].
 * Without a configured secret a random one is drawn per process (tokens then die with a restart), and the log says so.
 */
public class JwtTokens {

    private static final Logger log = LoggerFactory.getLogger(JwtTokens.class);
    static final int MIN_SECRET_BYTES = 32;

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Duration ttl;
    private final Clock clock;

    public JwtTokens(String secret, Duration ttl, Clock clock) {
        byte[] key;
        if (secret == null) {
            key = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(key);
            log.warn("JWT_SECRET is not set: tokens are signed with a random key of this process and end with it");
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_BYTES
                        + " bytes for HS256, it has " + key.length);
            }
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, was " + ttl);
        }
        SecretKey secretKey = new SecretKeySpec(key, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(secretKey));
        this.decoder = NimbusJwtDecoder.withSecretKey(secretKey).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        this.decoder.setJwtValidator(timestamps);
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    /** A signed token for {@code username} with role admin, valid for {@link #ttl()}. */
    public String issue(String username) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(username).claim("role", "admin").issuedAt(now)
                .expiresAt(now.plus(ttl)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(),
                claims)).getTokenValue();
    }

    public Jwt decode(String token) {
        return decoder.decode(token);
    }
}
