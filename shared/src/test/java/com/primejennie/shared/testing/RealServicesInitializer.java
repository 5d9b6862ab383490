package com.primejennie.shared.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring test context at this JVM's real Redis database and MariaDB schema (see {@link RealServices}). */
public class RealServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var redis = RealServices.redis();
        var db = RealServices.database();
        TestPropertyValues.of(
                "spring.data.redis.url=" + redis.url(),
                "spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "jennie.dependency-watch.interval=1s"
        ).applyTo(context);
    }
}
