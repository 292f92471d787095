# syntax=docker/dockerfile:1
# Build: Maven on a JDK 21 with Node 20 for the frontend; run: a JRE 21 serving the jar on 8080.

FROM node:20-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-21 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY pom.xml ./
COPY frontend frontend
COPY backend backend
COPY docs docs
RUN mvn --batch-mode --no-transfer-progress -DskipTests package

FROM eclipse-temurin:21-jre
# Run alone (without compose's PostgreSQL), the jar keeps saved labs in an H2 file under
# /app/.packetwalk (docs/sharing.md): a directory its user may write.
RUN useradd --system --uid 10001 --home-dir /app packetwalk \
 && mkdir -p /app/.packetwalk && chown packetwalk /app/.packetwalk
WORKDIR /app
COPY --from=build /src/backend/target/packetwalk.jar /app/packetwalk.jar
USER packetwalk
EXPOSE 8080
# The JVM ends on an OutOfMemoryError (a last resort: the server bounds its own memory) so that
# compose's restart policy brings it back instead of leaving a wedged process.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/packetwalk.jar"]
