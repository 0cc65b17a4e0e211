package fr.litiges.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The kustomize base in deploy/kubernetes holds together: every document parses, the kustomization
 * lists every file, selectors select the pods, probes ask the paths the service answers, the
 * container is locked down, and what the Deployment mounts exists. (No Kubernetes schema validator
 * is available to the build; these checks are the ones that would break a rollout.)
 */
class KubernetesManifestsTest {
    private static final Path BASE = Path.of("deploy/kubernetes");
    private static final Map<String, String> API_VERSIONS = Map.of(
            "Deployment", "apps/v1", "Service", "v1", "ConfigMap", "v1", "Secret", "v1",
            "HorizontalPodAutoscaler", "autoscaling/v2", "PodDisruptionBudget", "policy/v1");

    private final Map<String, Map<String, Object>> byKind = new HashMap<>();
    private final Map<String, Object> kustomization;

    KubernetesManifestsTest() throws IOException {
        kustomization = load(BASE.resolve("kustomization.yaml")).get(0);
        for (String resource : strings(kustomization.get("resources"))) {
            for (Map<String, Object> document : load(BASE.resolve(resource))) {
                assertThat(byKind.put((String) document.get("kind"), document)).as("one " + document.get("kind")).isNull();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document != null) {
                    assertThat(document).as(file + " holds objects").isInstanceOf(Map.class);
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String... path) {
        Object current = value;
        for (String key : path) {
            assertThat(current).as("parent of " + key).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        assertThat(current).as(String.join(".", path)).isInstanceOf(Map.class);
        return (Map<String, Object>) current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private Map<String, Object> pod() {
        return map(byKind.get("Deployment"), "spec", "template", "spec");
    }

    private Map<String, Object> container() {
        List<Map<String, Object>> containers = list(pod().get("containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private Map<String, Object> podLabels() {
        return map(byKind.get("Deployment"), "spec", "template", "metadata", "labels");
    }

    @Test
    void theKustomizationListsEveryManifestOfTheFolderAndEachHasItsKindAndApiVersion() throws IOException {
        try (Stream<Path> files = Files.list(BASE)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(strings(kustomization.get("resources")));
        }
        assertThat(byKind).containsOnlyKeys(API_VERSIONS.keySet());
        byKind.forEach((kind, document) -> {
            assertThat(document.get("apiVersion")).as(kind).isEqualTo(API_VERSIONS.get(kind));
            assertThat(map(document, "metadata").get("name")).as(kind).isEqualTo("litiges-decision-service");
        });
    }

    @Test
    void threeReplicasAndEverySelectorSelectsThePods() {
        Map<String, Object> deployment = byKind.get("Deployment");
        assertThat(map(deployment, "spec").get("replicas")).isEqualTo(3);
        assertThat(podLabels()).containsAllEntriesOf(map(deployment, "spec", "selector", "matchLabels"));
        assertThat(podLabels()).containsAllEntriesOf(map(byKind.get("Service"), "spec", "selector"));
        assertThat(podLabels()).containsAllEntriesOf(map(byKind.get("PodDisruptionBudget"), "spec", "selector", "matchLabels"));
        assertThat(map(byKind.get("PodDisruptionBudget"), "spec").get("minAvailable")).isInstanceOf(Integer.class)
                .satisfies(min -> assertThat((Integer) min).isLessThan(3).isPositive());
    }

    @Test
    void theAutoscalerScalesTheDeploymentOnCpuFromThreeReplicas() {
        Map<String, Object> spec = map(byKind.get("HorizontalPodAutoscaler"), "spec");
        Map<String, Object> target = map(spec, "scaleTargetRef");
        assertThat(target).containsEntry("kind", "Deployment").containsEntry("apiVersion", "apps/v1")
                .containsEntry("name", map(byKind.get("Deployment"), "metadata").get("name"));
        assertThat(spec.get("minReplicas")).isEqualTo(3);
        assertThat((Integer) spec.get("maxReplicas")).isGreaterThan(3);
        assertThat(list(spec.get("metrics"))).anySatisfy(metric -> {
            assertThat(metric).containsEntry("type", "Resource");
            assertThat(map(metric, "resource")).containsEntry("name", "cpu");
        });
        // utilisation is measured against the request: without one the autoscaler cannot work
        assertThat(map(container(), "resources", "requests")).containsKeys("cpu", "memory");
        assertThat(map(container(), "resources", "limits")).containsKey("memory");
    }

    @Test
    void probesAskTheHealthGroupsOfTheServiceOnItsDeclaredPort() throws IOException {
        Map<String, Object> container = container();
        List<Object> portNames = list(container.get("ports")).stream().map(port -> port.get("name")).map(Object.class::cast).toList();
        assertThat(list(container.get("ports"))).extracting(port -> port.get("containerPort"))
                .containsExactly(Integer.parseInt(DockerfileTest.parse(Path.of("Dockerfile")).stream()
                        .filter(i -> i.keyword().equals("EXPOSE")).findFirst().orElseThrow().arguments()));
        Map<String, String> probes = new HashMap<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> get = map(container, probe, "httpGet");
            assertThat(portNames).as(probe + " port").contains(get.get("port"));
            probes.put(probe, (String) get.get("path"));
        }
        // the paths OperationsEndToEndTest calls without credentials
        assertThat(probes).containsEntry("livenessProbe", "/actuator/health/liveness")
                .containsEntry("startupProbe", "/actuator/health/liveness")
                .containsEntry("readinessProbe", "/actuator/health/readiness");
        Map<String, Object> application = application();
        assertThat(map(application, "management", "endpoint", "health", "probes")).containsEntry("enabled", true);
    }

    @Test
    void theContainerIsLockedDownAndWritesOnlyToItsEmptyDirs() {
        Map<String, Object> podSecurity = map(pod(), "securityContext");
        assertThat(podSecurity).containsEntry("runAsNonRoot", true);
        assertThat((Integer) podSecurity.get("runAsUser")).isPositive();
        Map<String, Object> security = map(container(), "securityContext");
        assertThat(security).containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("runAsNonRoot", true);
        assertThat(strings(map(security, "capabilities").get("drop"))).containsExactly("ALL");

        Map<String, Map<String, Object>> volumes = new HashMap<>();
        list(pod().get("volumes")).forEach(volume -> volumes.put((String) volume.get("name"), volume));
        Map<String, String> mounts = new HashMap<>();
        list(container().get("volumeMounts")).forEach(mount -> mounts.put((String) mount.get("mountPath"), (String) mount.get("name")));
        assertThat(volumes).containsKeys(mounts.values().toArray(String[]::new));
        assertThat(volumes.get(mounts.get("/tmp"))).containsKey("emptyDir");
        assertThat(volumes.get(mounts.get("/app/var"))).containsKey("emptyDir");
    }

    @Test
    void theConfigurationAndTheSecretsMountedExistAndHoldValidYaml() {
        Map<String, Object> configMap = byKind.get("ConfigMap");
        Map<String, Object> secret = byKind.get("Secret");
        for (Map<String, Object> volume : list(pod().get("volumes"))) {
            if (volume.containsKey("configMap")) {
                assertThat(map(volume, "configMap").get("name")).isEqualTo(map(configMap, "metadata").get("name"));
                for (Map<String, Object> item : list(map(volume, "configMap").get("items"))) {
                    assertThat(map(configMap, "data")).containsKey((String) item.get("key"));
                }
            }
            if (volume.containsKey("secret")) {
                assertThat(map(volume, "secret").get("secretName")).isEqualTo(map(secret, "metadata").get("name"));
                for (Map<String, Object> item : list(map(volume, "secret").get("items"))) {
                    assertThat(map(secret, "stringData")).containsKey((String) item.get("key"));
                }
            }
        }
        for (Map<String, Object> env : list(container().get("env"))) {
            if (env.containsKey("valueFrom")) {
                Map<String, Object> ref = map(env, "valueFrom", "secretKeyRef");
                assertThat(ref.get("name")).isEqualTo(map(secret, "metadata").get("name"));
                assertThat(map(secret, "stringData")).containsKey((String) ref.get("key"));
            }
        }
        Map<String, Object> settings = new Yaml().load((String) map(configMap, "data").get("application.yml"));
        assertThat(map(settings, "logging", "structured", "format")).containsEntry("console", "ecs");
        assertThat(map(settings, "litiges", "rulesets").get("repository")).asString().startsWith("https://");
        Map<String, Object> secrets = new Yaml().load((String) map(secret, "stringData").get("application.yml"));
        assertThat(list(map(secrets, "litiges", "security").get("api-keys")))
                // quoted: YAML reads a hash made of digits only as a number, which the service refuses
                .allSatisfy(key -> assertThat(key.get("sha256")).isInstanceOf(String.class).asString().matches("[0-9a-f]{64}"))
                .flatExtracting(key -> strings(key.get("roles"))).contains("decider", "monitoring");
    }

    @Test
    void podsGetTimeToFinishTheirDecisionsBeforeBeingKilled() throws IOException {
        Duration shutdownPhase = Duration.parse("PT" + map(application(), "spring", "lifecycle").get("timeout-per-shutdown-phase"));
        assertThat(map(application(), "server")).containsEntry("shutdown", "graceful");
        List<String> preStop = strings(map(container(), "lifecycle", "preStop", "exec").get("command"));
        Matcher sleep = Pattern.compile("\\d+").matcher(String.join(" ", preStop));
        assertThat(sleep.find()).isTrue();
        long grace = ((Integer) pod().get("terminationGracePeriodSeconds")).longValue();
        assertThat(grace).isGreaterThan(Long.parseLong(sleep.group()) + shutdownPhase.toSeconds());
        Map<String, Object> rollingUpdate = map(byKind.get("Deployment"), "spec", "strategy", "rollingUpdate");
        assertThat(rollingUpdate).containsEntry("maxUnavailable", 0);
        assertThat(Objects.requireNonNull(pod().get("automountServiceAccountToken"))).isEqualTo(false);
    }

    private static Map<String, Object> application() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            return new Yaml().load(in);
        }
    }
}
