# syntax=docker/dockerfile:1
# The decision service as a container image: docs/operations.md, "Build the image".
#   docker build -t litiges-decision-service:0.1.0 .
# Without Docker: ./mvnw spring-boot:build-image (Cloud Native Buildpacks, see docs/operations.md).

# --- build: the Maven wrapper on a JDK, tests left to CI (.ci/run) -----------------------------
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /build
# Dependencies first: this layer is rebuilt only when the POM or the wrapper change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
    && cp target/litiges-decision-service-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- run: a JRE only, as a non-root user, layers ordered from least to most often changed -------
FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --system --gid 10001 litiges \
    && useradd --system --uid 10001 --gid litiges --home-dir /app --no-create-home --shell /usr/sbin/nologin litiges
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# The analysts' shipped folders, read when no rules repository is configured.
COPY rules/ rules/
COPY decision-tables/ decision-tables/
COPY scenarios/ scenarios/
USER 10001:10001
# In a container the service listens on every interface; it then refuses to start until API keys
# or a token issuer are configured (docs/security.md).
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE 8080
# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so the pod is
# restarted instead of limping on. (In the entry point rather than JAVA_TOOL_OPTIONS, which the JVM
# echoes as a non-JSON line; operators may still add JAVA_TOOL_OPTIONS.)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", \
            "org.springframework.boot.loader.launch.JarLauncher"]
