package com.primejennie.shared.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Lets every service read the Python suite's configuration as it is: environment variables such as {@code REDIS_URL}
 * or {@code MARIADB_HOST}, and the {@code secrets.json} file named by {@code SECRETS_FILE}.
 *
 * <p>It adds two property sources at the lowest precedence, so an explicit Spring property (application.properties,
 * {@code SPRING_*} variables, command-line arguments) always wins:
 * <ol>
 *   <li>{@code jennieSecrets}: every key of the secrets file, readable as {@code secrets.<key>};</li>
 *   <li>{@code jennieDefaults}: {@code jennie-defaults.properties}, the one place where the suite's infrastructure
 *       defaults live, expressed as placeholders over the Python variable names.</li>
 * </ol>
 */
public class PythonCompatibleEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS_RESOURCE = "jennie-defaults.properties";
    static final String SECRETS_SOURCE = "jennieSecrets";
    static final String DEFAULTS_SOURCE = "jennieDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var sources = environment.getPropertySources();
        Path secretsPath = SecretsFile.resolvePath(environment.getProperty("SECRETS_FILE"));
        Map<String, Object> secrets = SecretsFile.read(secretsPath);
        sources.addLast(new MapPropertySource(SECRETS_SOURCE, SecretsFile.asPrefixedProperties(secrets)));
        sources.addLast(new PropertiesPropertySource(DEFAULTS_SOURCE, loadDefaults()));
    }

    private static Properties loadDefaults() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource(DEFAULTS_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE + " from the shared jar", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
