package com.primejennie.shared.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Checks MariaDB by borrowing a connection from the app's pool and validating it. */
public record DatabaseProbe(DataSource dataSource, String target) implements DependencyProbe {

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public String problem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "connection did not validate";
        } catch (SQLException | RuntimeException e) {
            return rootMessage(e);
        }
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    /** A JDBC URL or Redis URL with any password removed, fit for logs. */
    public static String mask(String url) {
        if (url == null) {
            return "(not configured)";
        }
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
