package fr.litiges.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker daemon on the build machines, so the image cannot be built here: this lints the
 * Dockerfile for the mistakes that matter in production instead (floating base images, root user,
 * downloads at build time, shell-form entry point that swallows SIGTERM, a heap blind to the
 * container's memory).
 */
class DockerfileTest {
    /** One instruction, its continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    static List<Instruction> parse(Path dockerfile) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString();
            current.setLength(0);
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT), text.substring(space + 1).strip()));
        }
        return instructions;
    }

    private final List<Instruction> instructions = parse(Path.of("Dockerfile"));

    DockerfileTest() throws IOException {
    }

    private List<String> arguments(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The instructions of the last stage: what the running container is. */
    private List<Instruction> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    @Test
    void baseImagesArePinnedToAnExactVersionAndTheBuildStageHasAJdkTheRunStageAJre() {
        List<String> images = arguments("FROM").stream().map(from -> from.split("\\s+")[0]).toList();
        assertThat(images).hasSize(2).allSatisfy(image ->
                assertThat(image).matches("[a-z0-9./-]+(:[A-Za-z0-9._-]*\\d+\\.\\d+\\.\\d+[A-Za-z0-9._-]*)?(@sha256:[0-9a-f]{64})?")
                        .satisfiesAnyOf(i -> assertThat(i).contains("@sha256:"), i -> assertThat(i).containsPattern(":\\S*\\d+\\.\\d+\\.\\d+"))
                        .doesNotContain(":latest"));
        assertThat(images.get(0)).contains("17").contains("jdk");
        assertThat(images.get(1)).contains("17").contains("jre");
    }

    @Test
    void theBuildUsesTheMavenWrapperAndExtractsBootsLayers() {
        List<String> runs = arguments("RUN");
        assertThat(runs).anyMatch(run -> run.contains("./mvnw") && run.contains("package"));
        assertThat(runs).anyMatch(run -> run.contains("-Djarmode=tools") && run.contains("extract --layers --launcher"));
        assertThat(finalStage()).filteredOn(i -> i.keyword().equals("COPY")).extracting(Instruction::arguments)
                .anyMatch(copy -> copy.contains("/dependencies/"))
                .anyMatch(copy -> copy.contains("/spring-boot-loader/"))
                .anyMatch(copy -> copy.contains("/application/"));
    }

    @Test
    void theContainerRunsAsANonRootUser() {
        List<String> users = finalStage().stream().filter(i -> i.keyword().equals("USER")).map(Instruction::arguments).toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
        // numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd
        assertThat(user).matches("[1-9]\\d*");
    }

    @Test
    void nothingIsDownloadedWithAddAndTheEntryPointIsInExecForm() {
        assertThat(arguments("ADD")).noneMatch(add -> add.matches("(?i).*\\b(https?|ftp)://.*"));
        assertThat(arguments("ADD")).as("COPY is explicit; ADD unpacks and fetches").isEmpty();
        List<String> entryPoints = arguments("ENTRYPOINT");
        assertThat(entryPoints).hasSize(1);
        // exec form: java is PID 1 and receives SIGTERM, so graceful shutdown runs
        assertThat(entryPoints.get(0)).startsWith("[\"java\"").endsWith("\"org.springframework.boot.loader.launch.JarLauncher\"]");
        assertThat(arguments("CMD")).allMatch(cmd -> cmd.startsWith("["));
    }

    @Test
    void theExposedPortIsTheServersPortAndTheHeapFollowsTheContainersMemory() throws IOException {
        Map<String, Object> config;
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            config = new Yaml().load(in);
        }
        Object port = ((Map<?, ?>) config.get("server")).get("port");
        assertThat(arguments("EXPOSE")).containsExactly(String.valueOf(port));
        assertThat(arguments("ENTRYPOINT")).singleElement().asString().contains("\"-XX:MaxRAMPercentage=");
        assertThat(finalStage()).filteredOn(i -> i.keyword().equals("ENV")).extracting(Instruction::arguments)
                .anyMatch(env -> env.contains("SERVER_ADDRESS=0.0.0.0"));
    }

    @Test
    void everyCopiedSourceExistsAndIsNotExcludedFromTheBuildContext() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).contains("target/", ".git/", "var/");
        for (String copy : arguments("COPY")) {
            if (copy.startsWith("--from=")) {
                continue;
            }
            String[] parts = copy.split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                String source = parts[i];
                assertThat(Path.of(source)).as("COPY source " + source).exists();
                assertThat(ignored).as("COPY source " + source + " is excluded by .dockerignore")
                        .doesNotContain(source, source.endsWith("/") ? source : source + "/");
            }
        }
    }
}
