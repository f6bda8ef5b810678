# Runtime image around the service.jar that CI has already tested; it compiles nothing.
# Choices and measurements: docs/boot.md ("The image").

# Corretto 17 headless on Amazon Linux 2023: the instances' own OS family, JDK security updates every quarter plus
# out-of-band fixes, rebuilt on every AL2023 update, pulled from ECR Public (no Docker Hub rate limit in CI).
# It has a shell, which the AppCDS step below needs (a distroless base would not).
ARG BASE_IMAGE=public.ecr.aws/amazoncorretto/amazoncorretto:17-al2023-headless
FROM ${BASE_IMAGE}

# A fixed unprivileged uid; written into the account files directly so that any base with a shell will do.
# The JVM flags live in one argument file shared by the archive run below and the entrypoint, so both JVMs
# start alike (a class data archive is only used by a JVM configured like the one that wrote it).
RUN echo 'capstan:x:10001:10001:capstan:/app:/sbin/nologin' >> /etc/passwd \
 && echo 'capstan:x:10001:' >> /etc/group \
 && mkdir -p /app

WORKDIR /app
# The archive run below speaks HTTP through bash's /dev/tcp: no curl needed in the base.
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# Least often changed first, so a new jar reuses every layer above it.
COPY jvm.options config.yml /app/
COPY service/target/service.jar /app/service.jar

# AppCDS: start the service once, let it answer readiness and a version request, stop it; at exit the JVM writes
# every class it loaded into service.jsa, which each later start maps instead of loading and verifying them again.
# Random ports, because a build may share the network of its host; a short drain, because nothing is in flight.
RUN APP_PORT=0 ADMIN_PORT=0 DRAIN_WINDOW=100ms SHUTDOWN_GRACE_PERIOD=1s \
      java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/service.jsa \
        -jar /app/service.jar server /app/config.yml > /tmp/archive-run.log 2>&1 & \
    pid=$! ; \
    get() { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\n\r\n' "$2" >&3 && read -r line <&3; exec 3<&-; case "$line" in *' 200'*) ;; *) return 1 ;; esac; } ; \
    ready='' ; \
    for attempt in $(seq 1 240); do \
      for port in $(sed -n 's/.*Started [^ ]*{HTTP[^}]*}{[^:}]*:\([0-9][0-9]*\)}.*/\1/p' /tmp/archive-run.log); do \
        if get "$port" '/health-check?type=ready' 2>/dev/null; then ready=$port; fi ; \
      done ; \
      [ -n "$ready" ] && break ; \
      kill -0 "$pid" 2>/dev/null || break ; \
      sleep 0.25 ; \
    done ; \
    [ -n "$ready" ] && get "$ready" /v1/version ; \
    kill -TERM "$pid" ; wait "$pid" || true ; \
    if [ -z "$ready" ] || [ ! -s /app/service.jsa ]; then cat /tmp/archive-run.log; echo 'AppCDS archive run failed'; exit 1; fi ; \
    rm -f /tmp/archive-run.log

USER 10001:10001
EXPOSE 8080 8081
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/service.jsa", "-jar", "/app/service.jar", "server", "/app/config.yml"]
