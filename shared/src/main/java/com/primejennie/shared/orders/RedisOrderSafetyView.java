package com.primejennie.shared.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link OrderSafetyView} straight from Redis: the keys the order service writes for its scope (mode and account).
 * Any mismatch of the last reconciliation blocks every new buy (the account is not what we think it is), halts block
 * buys of their stock; an unreadable Redis blocks buys too (fail closed).
 */
public class RedisOrderSafetyView implements OrderSafetyView {

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final String prefix;

    public RedisOrderSafetyView(StringRedisTemplate redis, JsonMapper json, OrderScope scope) {
        this.redis = redis;
        this.json = json;
        this.prefix = scope.prefix();
    }

    @Override
    public List<Halt> halts() {
        Set<String> codes = redis.opsForSet().members(prefix + "halts");
        List<Halt> halts = new ArrayList<>();
        if (codes != null) {
            for (String code : codes.stream().sorted().toList()) {
                halt(code).ifPresent(halts::add);
            }
        }
        return halts;
    }

    @Override
    public Optional<Halt> halt(String code) {
        String value = redis.opsForValue().get(prefix + "halt:" + code);
        return value == null ? Optional.empty() : Optional.of(json.readValue(value, Halt.class));
    }

    @Override
    public Optional<Reconciliation> reconciliation() {
        String value = redis.opsForValue().get(prefix + "reconciliation");
        return value == null ? Optional.empty() : Optional.of(json.readValue(value, Reconciliation.class));
    }

    @Override
    public Optional<String> buyBlock(String code) {
        try {
            Optional<Halt> halt = halt(code);
            if (halt.isPresent()) {
                return Optional.of("new buys of " + code + " are halted since " + halt.get().since() + " ("
                        + halt.get().reason() + ", intent " + halt.get().intentKey() + ")");
            }
            Optional<Reconciliation> r = reconciliation();
            if (r.isPresent() && !r.get().clean()) {
                Reconciliation.Mismatch m = r.get().mismatches().get(0);
                return Optional.of("holdings differ from the broker (" + r.get().mismatches().size()
                        + " stock(s), e.g. " + m.code() + ": broker " + m.brokerQuantity() + ", ours "
                        + m.portfolioQuantity() + "); adopt or fix them first");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("cannot read halts and reconciliation from Redis (" + e.getMessage() + ")");
        }
    }
}
