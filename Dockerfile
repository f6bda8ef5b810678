# Runtime image around the service.jar that CI has already tested; it compiles nothing.
# Choices and measurements: docs/boot.md ("The image") and docs/performance.md ("Image").
#
# Two stages. The build stage starts from a full JDK and makes everything the service needs at run time: a Java
# runtime cut to the service's modules, the few shared libraries that runtime links against, and a class data
# archive written by one real run of the service. The final image is those files on an empty base: no package
# manager, no shell, nothing that the service does not execute.

# No SHELL instruction: podman and buildah ignore it in their default (OCI) image format, so every RUN is written for
# /bin/sh (exec form, or a plain command list), and what needs bash is a script of its own in image/.

# The build stage: Corretto 17 on Amazon Linux 2023 from ECR Public, with quarterly OpenJDK security updates plus
# out-of-band fixes, republished with every Corretto and AL2023 update. Pinned by digest, so that a build is repeatable
# and a new base arrives as a reviewed pull request; the tag is the one the digest was published under (Corretto gives
# the same image the tags 17-al2023, 17-al2023-jdk and 17.0.<update>-al2023).
# Dependabot keeps it current (.github/dependabot.yml). It updates images written out in FROM lines, and only in the
# first one: "Dockerfiles may only receive a version update to the first FROM directive" and "do not receive updates
# to images specified with the ARG directive" (GitHub Docs, "Guidance for the configuration of private registries for
# Dependabot", Docker, "Limitations and workarounds"). With a tag and a digest on the line it moves both together: to
# the next Corretto update's tag, or to the same tag's new digest when it is republished
# (dependabot/dependabot-core#15081). A versioned tag rather than 17-al2023-jdk: Dependabot can be set to skip
# digest-only updates (dependabot/dependabot-core#15103), and a new version still moves the pin.
# Hence no ARG here. To build from another glibc-based Java 17 JDK image with jmods and bash, replace this line at
# build time: `buildah bud --from IMAGE` or `podman build --from IMAGE`, as the boot rehearsal does with a Debian JDK.
FROM public.ecr.aws/amazoncorretto/amazoncorretto:17.0.20-al2023@sha256:17d4c3cf7bc84b6417f4c228bb77aeb97fda215b4b26b2ee8a53baace4aaada8 AS build

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

# The final image's root: the shared libraries the runtime links against, an account for the service, and a
# writable /tmp for the JVM (image/make-root).
COPY image/make-root /build/make-root
RUN ["/build/make-root", "/opt/java", "/sysroot"]

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
