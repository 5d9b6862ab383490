package com.primejennie.shared.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The Python suite's variable names and secrets file configure the Spring properties, and Spring names still win. */
class PythonCompatibleEnvironmentTest {

    @TempDir
    Path dir;

    private StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("simulatedEnvironment", variables));
        new PythonCompatibleEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void defaultsMatchThePythonSuite() {
        StandardEnvironment env = environmentWith(Map.of("SECRETS_FILE", dir.resolve("none.json").toString()));

        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:6379");
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/jennie_db");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("root");
        assertThat(env.getProperty("spring.datasource.password")).isEmpty();
        assertThat(env.getProperty("jennie.trading-mode")).isEqualTo("MOCK");
        assertThat(env.getProperty("spring.flyway.enabled")).isEqualTo("false");
    }

    @Test
    void pythonVariableNamesConfigureRedisAndMariadb() {
        StandardEnvironment env = environmentWith(Map.of(
                "SECRETS_FILE", dir.resolve("none.json").toString(),
                "REDIS_URL", "redis://10.0.0.5:6380/2",
                "MARIADB_HOST", "db.local", "MARIADB_PORT", "3307", "MARIADB_DBNAME", "jennie_prod",
                "MARIADB_USER", "jennie", "MARIADB_PASSWORD", "s3cret", "TRADING_MODE", "REAL"));

        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://10.0.0.5:6380/2");
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:mariadb://db.local:3307/jennie_prod");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("jennie");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("s3cret");
        assertThat(env.getProperty("jennie.trading-mode")).isEqualTo("REAL");
    }

    @Test
    void secretsFileFillsWhatTheEnvironmentLeavesOpen() throws IOException {
        Path secrets = dir.resolve("secrets.json");
        Files.writeString(secrets, """
                {"mariadb-user":"fromfile","mariadb-password":"filepw","mariadb-host":"filehost"}""");
        StandardEnvironment env = environmentWith(Map.of("SECRETS_FILE", secrets.toString(), "MARIADB_HOST", "envhost"));

        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("fromfile");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("filepw");
        assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:mariadb://envhost:3306/");
        assertThat(env.getProperty("secrets.mariadb_password")).isEqualTo("filepw");
    }

    @Test
    void explicitSpringPropertyWinsOverPythonVariable() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("SECRETS_FILE", dir.resolve("none.json").toString());
        variables.put("REDIS_URL", "redis://python:6379");
        variables.put("spring.data.redis.url", "redis://spring:6379");

        assertThat(environmentWith(variables).getProperty("spring.data.redis.url")).isEqualTo("redis://spring:6379");
    }

    @Test
    void masksPasswordsInUrlsForLogs() {
        assertThat(DatabaseProbe.mask("redis://:pw@host:6379/0")).isEqualTo("redis://:***@host:6379/0");
        assertThat(DatabaseProbe.mask("redis://user:pw@host:6379")).isEqualTo("redis://user:***@host:6379");
        assertThat(DatabaseProbe.mask("jdbc:mariadb://h:3306/db?user=a&password=b")).endsWith("password=***");
        assertThat(DatabaseProbe.mask("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
    }
}
