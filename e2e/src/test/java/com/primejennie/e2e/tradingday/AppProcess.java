package com.primejennie.e2e.tradingday;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One app of the suite as its own operating-system process, started from the runnable jar Maven packaged
 * ({@code java -jar <module>/target/<module>-*.jar}, buy-executor's {@code *-exec.jar}) — never a shared Spring
 * context — so killing it is a real {@code SIGKILL} and a restart is a cold start, as in production.
 */
final class AppProcess {

    /** JVM flags of a small home server, the same as the Dockerfile's (SerialGC, small heap, C1 only). */
    /** The services' JVM flags as the launcher runs them: {@code infrastructure/jvm.options}, one per line. */
    static List<String> jvmFlags(Path root) {
        try {
            return java.nio.file.Files.readAllLines(root.resolve("infrastructure/jvm.options")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("infrastructure/jvm.options unreadable", e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmFlags;
    private final List<String> args;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private int starts;

    AppProcess(String name, Path jar, int port, List<String> jvmFlags, List<String> args, Map<String, String> env,
               Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.args = List.copyOf(args);
        this.env = Map.copyOf(env);
        this.log = logDir.resolve(name + ".log");
    }

    /**
     * The runnable jar of {@code module} (a path below the repository root), or a clear failure naming what to run.
     * A jar older than the compiled classes of its module or of {@code shared} is refused: an app started from a
     * stale jar runs yesterday's shared code (a trading day once failed on exactly that after an incremental build).
     */
    static Path runnableJar(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        String artifact = Path.of(module).getFileName().toString();
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                List<Path> jars = files.filter(p -> p.getFileName().toString().startsWith(artifact + "-")
                        && p.getFileName().toString().endsWith(".jar")).sorted().toList();
                // the -exec jar where a module keeps a plain main artifact, else the one runnable jar
                Path found = jars.stream().filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElse(jars.stream().filter(p -> !p.getFileName().toString().endsWith("-sources.jar")
                                && !p.getFileName().toString().endsWith("-tests.jar")).findFirst().orElse(null));
                if (found != null) {
                    requireFresh(found, List.of(target.resolve("classes"), root.resolve("shared/target/classes")));
                    return found;
                }
            }
        }
        throw new IllegalStateException("no runnable jar under " + target + ": the trading-day test starts the apps "
                + "from their packaged jars; run `./mvnw -B package -DskipTests` (or `./mvnw -B verify`) first");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int starts() {
        return starts;
    }

    private static void requireFresh(Path jar, List<Path> classDirs) throws IOException {
        long built = Files.getLastModifiedTime(jar).toMillis();
        for (Path dir : classDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var walk = Files.walk(dir)) {
                var newer = walk.filter(Files::isRegularFile).filter(f -> {
                    try {
                        return Files.getLastModifiedTime(f).toMillis() > built + 2_000;
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst();
                if (newer.isPresent()) {
                    throw new IllegalStateException(jar + " is older than " + newer.get() + ": rebuild the jars "
                            + "(`./mvnw -B clean package -DskipTests`) before the trading day");
                }
            }
        }
    }

    synchronized void start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " already runs (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("JENNIE_")
                || k.equals("REDIS_URL") || k.startsWith("MARIADB_") || k.equals("SERVER_PORT"));
        builder.environment().putAll(env);
        Files.writeString(log, "\n==== start " + (starts + 1) + ": " + String.join(" ", command) + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        starts++;
    }

    /** SIGKILL: no shutdown hook, no graceful drain — what a crash or an OOM kill does. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM and wait for the graceful shutdown (the apps drain for up to 30 s). */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(45, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** True once {@code /actuator/health/readiness} answers 200 (Redis, database and schema are there). */
    boolean ready() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident set size in KiB from /proc (Linux), or -1 when it cannot be read. */
    long rssKib() {
        if (!alive()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The last lines of the log, for a failure message. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
