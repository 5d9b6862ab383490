# One image recipe for every service of the suite and for kis-sim, chosen by a build argument (the artifact name);
# the build context is that module's directory, so only its own jar travels to the Docker daemon:
#   docker build -f Dockerfile --build-arg MODULE=buy-scanner -t prime-jennie/buy-scanner:local buy-scanner
#   docker build -f Dockerfile --build-arg MODULE=kis-sim -t prime-jennie/kis-sim:local infrastructure/kis-sim
# It packages the runnable jar Maven already built (`./mvnw -B package -DskipTests`): nothing is compiled or
# downloaded inside Docker. Stage 1 splits Spring Boot's layered jar (dependencies, loader, snapshot dependencies,
# application) so an image rebuilt after a code change reuses every layer but the last; stage 2 is the JRE alone,
# run as a non-root user. Works with the classic builder (Debian's docker.io, docker-compose 1.29) and BuildKit.
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JRE_IMAGE} AS layers
ARG MODULE
WORKDIR /build
# The module's jars (the context is the module directory; its .dockerignore-free sources are small). The check below
# names what is missing instead of failing with an obscure COPY error.
COPY target/*.jar ./target/
# buy-executor keeps a plain main artifact next to its runnable <name>-exec.jar; the others have one runnable jar.
RUN set -eu; \
    test -n "${MODULE:-}" || { echo "build argument MODULE is required (e.g. buy-scanner)" >&2; exit 1; }; \
    jar=$(ls target/"${MODULE}"-*-exec.jar 2>/dev/null | head -1); \
    [ -n "$jar" ] || jar=$(ls target/"${MODULE}"-*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-tests.jar$' | head -1); \
    [ -n "$jar" ] || { echo "no ${MODULE} jar in the context's target/: run ./mvnw -B package -DskipTests first" >&2; exit 1; }; \
    echo "extracting $jar"; \
    java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination /build/app

FROM ${JRE_IMAGE}
ARG MODULE
LABEL org.opencontainers.image.title="prime-jennie ${MODULE}" \
      org.opencontainers.image.source="https://github.com/prime-jennie/prime-jennie-jvm" \
      stack="prime-jennie"
RUN groupadd --system --gid 10001 jennie \
 && useradd --system --uid 10001 --gid jennie --home-dir /app --shell /usr/sbin/nologin jennie \
 && mkdir -p /app/config /app/data /app/logs && chown -R jennie:jennie /app
WORKDIR /app
# Container health = actuator readiness (Redis, MariaDB, schema) over plain bash /dev/tcp: the JRE base images promise
# neither curl nor wget. Port: SERVER_PORT, else the default in the app's own application.properties.
RUN printf '%s\n' '#!/bin/bash' \
      'port=${SERVER_PORT:-}' \
      'if [ -z "$port" ] && [ -f /app/BOOT-INF/classes/application.properties ]; then' \
      '  port=$(sed -n "s/^server\.port=\${SERVER_PORT:\([0-9]*\)}.*/\1/p" /app/BOOT-INF/classes/application.properties | head -1)' \
      'fi' \
      'port=${port:-${1:-8080}}' \
      'exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1' \
      'printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" >&3' \
      'IFS= read -r -t 5 status <&3 || exit 1' \
      'case "$status" in *" 200"*) exit 0 ;; *) exit 1 ;; esac' \
      > /usr/local/bin/jennie-healthcheck && chmod 755 /usr/local/bin/jennie-healthcheck
# Least-changing layer first, so a rebuild after a code change only replaces application/.
COPY --from=layers /build/app/dependencies/ ./
COPY --from=layers /build/app/spring-boot-loader/ ./
COPY --from=layers /build/app/snapshot-dependencies/ ./
COPY --from=layers /build/app/application/ ./
USER jennie
# Small home server: serial GC (one core's worth of GC threads is plenty for these heaps), heap as a share of the
# container's memory limit, C1 only (starts faster and keeps the code cache small; the services are I/O-bound), small
# thread stacks; the heap starts small and is given back after a burst (free ratios) - infrastructure/jvm.options is the
# same set for processes. JAVA_OPTS replaces the whole set; JAVA_EXTRA_OPTS adds to it.
ENV JAVA_OPTS="-XX:+UseSerialGC -XX:MaxRAMPercentage=42 -XX:InitialRAMPercentage=8 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=160m -Xss512k -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/./urandom" \
    JAVA_EXTRA_OPTS="" \
    SECRETS_FILE=/app/config/secrets.json \
    TZ=Asia/Seoul
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 CMD ["jennie-healthcheck"]
# The extracted layers keep Boot's launcher (extract --launcher): it runs from the exploded BOOT-INF tree.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $JAVA_EXTRA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
