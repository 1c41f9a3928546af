# Goodword container: build with Maven, run on a JRE as a non-root user, data in a volume.
#   docker build -t goodword .
#   docker run -p 7070:7070 -v goodword-data:/data goodword          (embedded MariaDB under /data)
#   or docker compose up                                              (external MariaDB 11.4, see docker-compose.yml)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY static static
COPY migrations migrations
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# A font for the testimonials' share pictures (ShareCard): without one they are left out and previews use the logo.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 goodword \
 && useradd --system --uid 10001 --gid goodword --home-dir /app --shell /usr/sbin/nologin goodword \
 && mkdir -p /data /app \
 && chown goodword:goodword /data
WORKDIR /app
COPY --from=build /src/target/goodword.jar /app/goodword.jar
USER goodword
ENV PORT=7070 \
    DATA_DIR=/data \
    APP_ENV=prod
VOLUME ["/data"]
EXPOSE 7070
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s \
  CMD ["java", "-cp", "/app/goodword.jar", "io.goodword.HealthProbe"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/goodword.jar"]
