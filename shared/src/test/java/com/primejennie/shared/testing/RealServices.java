package com.primejennie.shared.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.utility.DockerImageName;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The real Redis and MariaDB that integration tests talk to, one pair per test JVM.
 *
 * <p>Where a Docker engine answers, Testcontainers starts {@code redis:7} and {@code mariadb:10.11} (root, empty
 * password; data on tmpfs) once per test JVM, in parallel, and every test of the JVM shares them; they are stopped at
 * JVM exit. Otherwise the services already running on the machine are used: {@code REDIS_URL} (default
 * {@code redis://127.0.0.1:6379}) and {@code MARIADB_HOST:MARIADB_PORT} (default 127.0.0.1:3306, root, empty password).
 * {@code JENNIE_TEST_SERVICES} forces the choice ({@code docker} or {@code local}). The first use prints one line,
 * {@code test services: Testcontainers redis:7 + mariadb:10.11 ...} or {@code test services: local services at ...},
 * so every test log says which path it took.
 *
 * <p>Isolation, so parallel builds on one machine never see each other's data: each JVM creates its own database
 * {@code jennie_test_<time>_<random>} (dropped at exit) and leases its own Redis logical database (2-15) through a
 * key in db 0, flushing it when taken. Stream, key and table names can therefore stay exactly the production ones.
 * A local Redis may also hold a running suite's data: db 0 (the real profile) and db 1 ({@code scripts/up.sh}'s mock
 * profile) are never leased, and a database holding keys that no test run ever marked as its own is skipped, not
 * flushed (a test run once wiped a running local suite's watchlist and streams that way).
 */
public final class RealServices {

    private static final int REDIS_DATABASES = 16;
    private static final String LEASE_PREFIX = "jennie:test:lease:db:";
    /** Set in db 0 of the databases test runs have used: only those may be flushed while they still hold keys. */
    private static final String TEST_DATABASES = "jennie:test:databases";
    /** db 0 is the real profile's and db 1 the local launcher's mock profile's. */
    private static final int FIRST_TEST_DATABASE = 2;
    private static final long LEASE_SECONDS = 3 * 3600;

    private static volatile RealServices instance;

    /** The images of the Testcontainers path: official ones, or the stand-ins of shared/tools/offline-images. */
    public static final String REDIS_IMAGE = "redis:7";
    public static final String MARIADB_IMAGE = "mariadb:10.11";

    private static String modeReason = "";

    private final String mode;
    private final GenericContainer<?> redisContainer;
    private final MariaDBContainer mariadbContainer;
    private final RedisEndpoint redis;
    private final DatabaseEndpoint database;

    private RealServices() {
        this.mode = chooseMode();
        String redisBase;
        String rootJdbc;
        String user;
        String password;
        if ("docker".equals(mode)) {
            long started = System.nanoTime();
            redisContainer = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
                    .withExposedPorts(6379)
                    .withTmpFs(Map.of("/data", "rw"));
            mariadbContainer = new MariaDBContainer(DockerImageName.parse(MARIADB_IMAGE))
                    .withUsername("root").withPassword("")
                    .withTmpFs(Map.of("/var/lib/mysql", "rw"));
            try {
                // Both at once: MariaDB's first start (install-db) dominates, Redis hides behind it.
                Startables.deepStart(redisContainer, mariadbContainer).join();
            } catch (RuntimeException e) {
                stopContainers();
                throw new IllegalStateException("JENNIE_TEST_SERVICES=docker but the Testcontainers " + REDIS_IMAGE
                        + " + " + MARIADB_IMAGE + " did not start (images missing? run ../shared/tools/offline-images/"
                        + "build.sh, or use JENNIE_TEST_SERVICES=local): " + e.getMessage(), e);
            }
            redisBase = "redis://" + redisContainer.getHost() + ":" + redisContainer.getMappedPort(6379);
            rootJdbc = "jdbc:mariadb://" + mariadbContainer.getHost() + ":" + mariadbContainer.getMappedPort(3306)
                    + "/";
            user = "root";
            password = "";
            System.out.printf("test services: Testcontainers %s + %s (Redis at %s, MariaDB at %s, started in %.1f s; "
                            + "one pair for this test JVM)%n", REDIS_IMAGE, MARIADB_IMAGE, redisBase, rootJdbc,
                    (System.nanoTime() - started) / 1e9);
        } else {
            redisContainer = null;
            mariadbContainer = null;
            redisBase = env("REDIS_URL", "redis://127.0.0.1:6379");
            rootJdbc = "jdbc:mariadb://" + env("MARIADB_HOST", "127.0.0.1") + ":" + env("MARIADB_PORT", "3306") + "/";
            user = env("MARIADB_USER", "root");
            password = env("MARIADB_PASSWORD", "");
            System.out.println("test services: local services at " + redisBase + " and " + rootJdbc + " (" + user
                    + "; " + modeReason + ")");
        }
        this.redis = leaseRedisDatabase(redisBase);
        this.database = createDatabase(rootJdbc, user, password);
        Runtime.getRuntime().addShutdownHook(new Thread(this::release, "real-services-cleanup"));
    }

    /** The services of this JVM, started or connected on first use. */
    public static RealServices get() {
        RealServices local = instance;
        if (local == null) {
            synchronized (RealServices.class) {
                local = instance;
                if (local == null) {
                    instance = local = new RealServices();
                }
            }
        }
        return local;
    }

    public static RedisEndpoint redis() {
        return get().redis;
    }

    public static DatabaseEndpoint database() {
        return get().database;
    }

    /** {@code docker} or {@code local}: which services this JVM uses. */
    public static String mode() {
        return get().mode;
    }

    /** Empties this JVM's Redis database, for tests that need a clean slate. */
    public static void flushRedis() {
        try (RedisClient client = RedisClient.create(redis().uri());
             StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        }
    }

    private static String chooseMode() {
        String forced = env("JENNIE_TEST_SERVICES", "auto").toLowerCase();
        if (forced.equals("docker") || forced.equals("local")) {
            modeReason = "JENNIE_TEST_SERVICES=" + forced;
            return forced;
        }
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || new java.io.File("/var/run/docker.sock").exists();
        if (!dockerConfigured) {
            modeReason = "no Docker engine configured";
            return "local";
        }
        try {
            boolean available = DockerClientFactory.instance().isDockerAvailable();
            modeReason = available ? "a Docker engine answers" : "the Docker engine does not answer";
            return available ? "docker" : "local";
        } catch (RuntimeException | LinkageError e) {
            modeReason = "Docker check failed: " + e.getMessage();
            return "local";
        }
    }

    private static RedisEndpoint leaseRedisDatabase(String baseUrl) {
        RedisURI base = RedisURI.create(baseUrl);
        requireReachable("Redis", base.getHost(), base.getPort());
        RedisURI control = RedisURI.create(baseUrl);
        control.setDatabase(0);
        String owner = ProcessHandle.current().pid() + "@" + System.nanoTime();
        try (RedisClient client = RedisClient.create(control);
             StatefulRedisConnection<String, String> connection = client.connect()) {
            int count = REDIS_DATABASES - FIRST_TEST_DATABASE;
            int start = ThreadLocalRandom.current().nextInt(count);
            for (int i = 0; i < count; i++) {
                int db = FIRST_TEST_DATABASE + (start + i) % count;
                String ok = connection.sync().set(LEASE_PREFIX + db, owner,
                        io.lettuce.core.SetArgs.Builder.nx().ex(LEASE_SECONDS));
                if (!"OK".equals(ok)) {
                    continue;
                }
                RedisURI leased = RedisURI.create(baseUrl);
                leased.setDatabase(db);
                try (RedisClient dbClient = RedisClient.create(leased);
                     StatefulRedisConnection<String, String> dbConnection = dbClient.connect()) {
                    boolean ours = Boolean.TRUE.equals(connection.sync().sismember(TEST_DATABASES,
                            String.valueOf(db)));
                    if (!ours && dbConnection.sync().dbsize() > 0) {
                        connection.sync().del(LEASE_PREFIX + db); // someone else's data: leave it alone
                        continue;
                    }
                    connection.sync().sadd(TEST_DATABASES, String.valueOf(db));
                    dbConnection.sync().flushdb();
                }
                return new RedisEndpoint(leased.getHost(), leased.getPort(), db, owner, baseUrl);
            }
        }
        throw new IllegalStateException("no Redis test database free at " + baseUrl + ": databases "
                + FIRST_TEST_DATABASE + "-" + (REDIS_DATABASES - 1) + " are leased by other test runs or hold data no "
                + "test run wrote; wait for them, or delete the keys " + LEASE_PREFIX + "* and empty the databases");
    }

    private static DatabaseEndpoint createDatabase(String rootJdbc, String user, String password) {
        URI uri = URI.create(rootJdbc.substring("jdbc:".length()));
        requireReachable("MariaDB", uri.getHost(), uri.getPort());
        String name = "jennie_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF));
        try (Connection connection = DriverManager.getConnection(rootJdbc, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + rootJdbc + " as " + user + ": "
                    + e.getMessage(), e);
        }
        return new DatabaseEndpoint(rootJdbc + name, rootJdbc, name, user, password);
    }

    private void release() {
        if (redisContainer != null || mariadbContainer != null) {
            // The containers are this JVM's own: stopping them removes database and leases with them (Ryuk is off
            // where its image is missing, so nothing else would).
            stopContainers();
            return;
        }
        try (Connection connection = DriverManager.getConnection(database.rootJdbcUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database.name() + "`");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database.name() + ": " + e.getMessage());
        }
        RedisURI control = RedisURI.create(redis.baseUrl());
        control.setDatabase(0);
        try (RedisClient client = RedisClient.create(control);
             StatefulRedisConnection<String, String> connection = client.connect()) {
            String key = LEASE_PREFIX + redis.database();
            if (redis.leaseOwner().equals(connection.sync().get(key))) {
                connection.sync().del(key);
            }
        } catch (RuntimeException e) {
            System.err.println("could not release Redis test database " + redis.database() + ": " + e.getMessage());
        }
    }

    private void stopContainers() {
        for (GenericContainer<?> container : new GenericContainer<?>[] {redisContainer, mariadbContainer}) {
            if (container == null) {
                continue;
            }
            try {
                container.stop();
            } catch (RuntimeException e) {
                System.err.println("could not stop test container " + container.getDockerImageName() + ": "
                        + e.getMessage());
            }
        }
    }

    private static void requireReachable(String what, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (Exception e) {
            throw new IllegalStateException(what + " is not reachable at " + host + ":" + port
                    + " - integration tests need a real " + what + " (run .ci/run, or start the service): "
                    + e.getMessage(), e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A leased Redis logical database. */
    public record RedisEndpoint(String host, int port, int database, String leaseOwner, String baseUrl) {

        /** {@code redis://host:port/db}, the form {@code REDIS_URL} takes. */
        public String url() {
            return "redis://" + host + ":" + port + "/" + database;
        }

        public RedisURI uri() {
            return RedisURI.create(url());
        }
    }

    /** A fresh database of this test JVM. */
    public record DatabaseEndpoint(String jdbcUrl, String rootJdbcUrl, String name, String user, String password) {
    }
}
