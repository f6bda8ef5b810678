# Runtime image around the service.jar that CI has already tested; it compiles nothing.
# Choices and measurements: docs/boot.md ("The image") and docs/performance.md ("Image").
#
# Two stages. The build stage starts from a full JDK and makes everything the service needs at run time: a Java
# runtime cut to the service's modules, the few shared libraries that runtime links against, and a class data
# archive written by one real run of the service. The final image is those files on an empty base: no package
# manager, no shell, nothing that the service does not execute.

# Corretto 17 JDK on Amazon Linux 2023, from ECR Public: quarterly OpenJDK security updates plus out-of-band fixes,
# republished with every Corretto and AL2023 update. CI builds with --pull, so each image carries the current JDK.
# Any glibc-based Java 17 JDK with jmods, bash and coreutils works here (the rehearsal passes a Debian one).
ARG JDK_IMAGE=public.ecr.aws/amazoncorretto/amazoncorretto:17-al2023-jdk

FROM ${JDK_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# The modules the service uses: what `jdeps --print-module-deps` finds in service.jar, less those only tools and
# agents need (java.compiler, java.scripting, jdk.attach, jdk.jdi, java.instrument, java.security.jgss) and less
# java.desktop, which only a Jersey provider for images would load. jdk.management backs the operating-system and
# file-descriptor gauges in /metrics. The archive run below checks the set by asking every endpoint.
# --strip-java-debug-attributes rather than --strip-debug, which on Linux also strips native symbols with objcopy:
# binutils is not in every JDK image, and the JDK's own libraries ship stripped.
# `java -Xshare:dump` writes the runtime's own class data archive, which the service's archive builds on.
ARG JAVA_MODULES=java.base,java.logging,java.management,java.naming,java.sql,java.xml,jdk.management,jdk.unsupported
RUN jlink --add-modules "${JAVA_MODULES}" --strip-java-debug-attributes --no-man-pages --no-header-files \
      --output /opt/java \
 && /opt/java/bin/java -Xshare:dump >/dev/null

# The final image's root: the shared libraries the runtime links against (found by the dynamic loader itself, so
# the same step works on any glibc distribution), an account for the service, and a writable /tmp for the JVM.
RUN mkdir -p /sysroot/tmp /sysroot/etc \
 && chmod 1777 /sysroot/tmp \
 && shopt -s nullglob && loaders=(/lib64/ld-linux-*.so.* /lib/ld-linux-*.so.*) && loader=${loaders[0]} \
 && { echo "$loader"; \
      find /opt/java -type f \( -name '*.so' -o -path '*/bin/*' \) -exec "$loader" --list {} \; 2>/dev/null \
        | awk '$2 == "=>" && $3 ~ /^\// {print $3}'; } \
    | sort -u | xargs -I{} cp --parents --dereference {} /sysroot \
 && echo 'capstan:x:10001:10001:capstan:/app:/sbin/nologin' > /sysroot/etc/passwd \
 && echo 'capstan:x:10001:' > /sysroot/etc/group

# Least often changed first, so a new jar reuses every layer above it.
COPY jvm.options config.yml image/archive-run /app/
COPY service/target/service.jar /app/service.jar

# AppCDS: one real run of the service with the image's runtime; every endpoint must answer as expected (a module
# left out above fails the build here), and at exit the JVM writes every class it loaded into service.jsa, which
# each later start maps instead of loading and verifying them again.
RUN /app/archive-run /opt/java/bin/java /app -XX:ArchiveClassesAtExit=/app/service.jsa \
 && rm /app/archive-run

FROM scratch
COPY --from=build /sysroot /
# The archive is only valid for the exact runtime and jar that wrote it: copied as they are, times included.
COPY --from=build /opt/java /opt/java
COPY --from=build /app /app
# Fails the build if the copies no longer match the archive: -Xshare:on refuses to start without it.
RUN ["/opt/java/bin/java", "@/app/jvm.options", "-Xshare:on", "-XX:SharedArchiveFile=/app/service.jsa", "-jar", "/app/service.jar", "--version"]

ENV PATH=/opt/java/bin JAVA_HOME=/opt/java LANG=C.UTF-8
WORKDIR /app
USER 10001:10001
EXPOSE 8080 8081
ENTRYPOINT ["/opt/java/bin/java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/service.jsa", "-jar", "/app/service.jar", "server", "/app/config.yml"]
