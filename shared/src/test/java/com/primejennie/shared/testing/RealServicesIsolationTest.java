package com.primejennie.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisClient;

/** The harness really gives this JVM its own database and Redis db index, on real servers. */
class RealServicesIsolationTest {

    @Test
    void givesAFreshDatabaseOfItsOwn() throws Exception {
        var db = RealServices.database();
        assertThat(db.name()).startsWith("jennie_test_");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet rs = connection.createStatement().executeQuery("SELECT DATABASE(), VERSION()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
            assertThat(rs.getString(2)).containsIgnoringCase("mariadb");
        }
    }

    @Test
    void leasesARedisDatabaseOtherThanZero() {
        var redis = RealServices.redis();
        assertThat(redis.database()).isBetween(1, 15);
        try (RedisClient client = RedisClient.create(redis.uri()); var connection = client.connect()) {
            connection.sync().set("isolation:probe", "x");
            assertThat(connection.sync().get("isolation:probe")).isEqualTo("x");
            RealServices.flushRedis();
            assertThat(connection.sync().dbsize()).isZero();
        }
    }
}
