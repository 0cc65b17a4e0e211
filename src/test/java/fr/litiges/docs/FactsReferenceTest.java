package fr.litiges.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The analysts' guide lists the facts and fields a DRL file can use. The list is generated from
 * the fact classes, so it cannot drift: this test fails when the guide's copy is out of date.
 * To refresh it: {@code ./mvnw -q test -Dtest=FactsReferenceTest -Dguide.update=true}.
 */
class FactsReferenceTest {
    static final Path GUIDE = Path.of("docs/guide-analyste.md");
    static final String START = "<!-- référence des faits : début (généré par FactsReferenceTest, ne pas modifier à la main) -->";
    static final String END = "<!-- référence des faits : fin -->";
    private static final String PACKAGE = "fr.litiges.decision.facts";

    @Test
    void theGuideListsEveryFactAndFieldOfTheCode() throws Exception {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String generated = reference();
        int start = guide.indexOf(START);
        int end = guide.indexOf(END);
        assertThat(start).as("the guide has the markers of the facts reference").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String current = guide.substring(start + START.length(), end);
        if (!current.equals(generated) && Boolean.getBoolean("guide.update")) {
            Files.writeString(GUIDE, guide.substring(0, start + START.length()) + generated + guide.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("docs/guide-analyste.md is out of date: run ./mvnw -q test -Dtest=FactsReferenceTest -Dguide.update=true")
                .isEqualTo(generated);
    }

    /** One table per fact class: the fields a condition can test, then the methods an action can call. */
    static String reference() throws IOException, URISyntaxException, ClassNotFoundException {
        StringBuilder out = new StringBuilder("\n");
        for (Class<?> fact : factClasses()) {
            java.util.Set<String> fields = new java.util.LinkedHashSet<>();
            List<String> actions = new ArrayList<>();
            for (Method method : Arrays.stream(fact.getMethods()).sorted(Comparator.comparing(Method::getName)).toList()) {
                if (method.getDeclaringClass() != fact || method.isSynthetic()) {
                    continue;
                }
                String name = method.getName();
                if (Modifier.isStatic(method.getModifiers())) {
                    // what a table's action inserts, e.g. RoutingOutcome.department("BILLING")
                    if (method.getReturnType() == fact && !name.equals("valueOf")) {
                        actions.add("`" + fact.getSimpleName() + "." + name + "(" + Arrays.stream(method.getParameters())
                                .map(FactsReferenceTest::parameter).collect(Collectors.joining(", ")) + ")`");
                    }
                    continue;
                }
                if (fact.isRecord() && method.getParameterCount() == 0
                        && Arrays.stream(fact.getRecordComponents()).anyMatch(c -> c.getName().equals(name))) {
                    fields.add("`" + name + "` (" + typeName(method.getGenericReturnType()) + ")");
                    continue;
                }
                if (method.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3 && method.getReturnType() != void.class) {
                    fields.add("`" + decapitalise(name.substring(3)) + "` (" + typeName(method.getGenericReturnType()) + ")");
                } else if (method.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2
                        && method.getReturnType() == boolean.class) {
                    fields.add("`" + decapitalise(name.substring(2)) + "` (booléen)");
                } else if (!List.of("toString", "hashCode", "equals").contains(name)) {
                    actions.add("`" + name + "(" + Arrays.stream(method.getParameters()).map(FactsReferenceTest::parameter)
                            .collect(Collectors.joining(", ")) + ")`");
                }
            }
            if (fields.isEmpty() && actions.isEmpty()) {
                continue;
            }
            out.append("| `").append(fact.getSimpleName()).append("` | ")
                    .append(fields.isEmpty() ? "—" : String.join(", ", fields)).append(" | ")
                    .append(actions.isEmpty() ? "—" : String.join(", ", actions)).append(" |\n");
        }
        return "\n| fait | champs (conditions) | méthodes (conditions et actions) |\n| --- | --- | --- |" + out;
    }

    private static List<Class<?>> factClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(FactsReferenceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes").resolve(PACKAGE.replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                    Class<?> type = Class.forName(PACKAGE + "." + name.substring(0, name.length() - ".class".length()));
                    // An exception a fact throws (a row's mistake) is no fact a rule can match.
                    if (Modifier.isPublic(type.getModifiers()) && !Throwable.class.isAssignableFrom(type)) {
                        classes.add(type);
                    }
                }
            }
        }
        return classes;
    }

    private static String parameter(Parameter parameter) {
        return typeName(parameter.getParameterizedType());
    }

    private static String typeName(Type type) {
        String name = type.getTypeName().replaceAll("[a-z0-9_.]+\\.", "").replace("$", ".");
        return switch (name) {
            case "String" -> "texte";
            case "int", "Integer", "long", "Long" -> "entier";
            case "double", "Double", "BigDecimal", "Number" -> "nombre";
            case "boolean", "Boolean" -> "booléen";
            case "LocalDate" -> "date";
            default -> name.toLowerCase(Locale.ROOT).equals(name) ? name : name;
        };
    }

    private static String decapitalise(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
