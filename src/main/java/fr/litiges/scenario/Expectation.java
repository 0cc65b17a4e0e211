package fr.litiges.scenario;

import fr.litiges.decision.api.Decision;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An outcome a scenario may expect, with the column header analysts write and how to read the
 * actual value off a decision. Lists compare as sets (order does not matter to an analyst),
 * amounts by value (146.58 = 146.580).
 */
enum Expectation {
    CAUSE("Cause attendue", d -> text(d.classification().primaryCause())),
    SUB_CAUSE("Sous-cause attendue", d -> text(d.classification().subCause())),
    CONFIDENCE("Confiance attendue", d -> text(d.classification().confidence())),
    ALL_SUB_CAUSES("Sous-causes trouvées attendues", d -> list(d.classification().causes().stream().map(c -> c.subCause().name()).toList())),
    CHANNEL("Canal attendu", d -> text(d.resolution().recommendedChannel())),
    ESCALATION_PATH("Chemin d'escalade attendu", d -> String.join(", ", d.resolution().escalationPath().stream().map(Enum::name).toList())),
    DEPARTMENT("Service attendu", d -> text(d.routing().department())),
    ALSO_INVOLVED("Services associés attendus", d -> list(d.routing().alsoInvolved().stream().map(Enum::name).toList())),
    PRIORITY("Priorité attendue", d -> text(d.routing().priority())),
    ACTIONS("Actions attendues", d -> list(d.resolution().actions())),
    RESOLUTION_DAYS("Délai de résolution attendu (jours)", d -> String.valueOf(d.paymentImpact().expectedResolutionDays())),
    DELAY_DAYS("Retard attendu (jours)", d -> String.valueOf(d.paymentImpact().delayDays())),
    POLICY("Politique attendue", d -> text(d.paymentImpact().policy())),
    FINANCING_COST("Coût de financement attendu", d -> d.paymentImpact().financingCost() == null ? "" : d.paymentImpact().financingCost().toPlainString()),
    EXPECTED_PAYMENT_ON("Paiement attendu le", d -> text(d.paymentImpact().expectedPaymentOn()));

    private final String header;
    private final Function<Decision, String> actual;

    Expectation(String header, Function<Decision, String> actual) {
        this.header = header;
        this.actual = actual;
    }

    String header() {
        return header;
    }

    String actual(Decision decision) {
        return actual.apply(decision);
    }

    /** Whether the actual value meets what the analyst wrote. */
    boolean matches(String expected, String actualValue) {
        String want = expected.trim();
        if (this == ALL_SUB_CAUSES || this == ALSO_INVOLVED || this == ACTIONS) {
            return codes(want).equals(codes(actualValue));
        }
        if (this == ESCALATION_PATH) {
            return codeList(want).equals(codeList(actualValue));
        }
        if (this == FINANCING_COST || this == RESOLUTION_DAYS || this == DELAY_DAYS) {
            try {
                return new BigDecimal(want.replace(',', '.').replace(" ", "")).compareTo(new BigDecimal(actualValue)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return want.equalsIgnoreCase(actualValue.trim());
    }

    private static TreeSet<String> codes(String text) {
        return new TreeSet<>(codeList(text));
    }

    private static List<String> codeList(String text) {
        if (text == null || text.isBlank() || text.trim().equals("-")) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;→>\\s]+")).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String list(Collection<String> values) {
        return String.join(", ", values.stream().filter(Objects::nonNull).toList());
    }
}
