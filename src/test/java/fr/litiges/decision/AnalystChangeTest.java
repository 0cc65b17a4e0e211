package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.testing.AnalystWorkspace;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an analyst changes in a spreadsheet changes the decision, with no Java change. */
class AnalystChangeTest {
    @TempDir
    Path workdir;

    private static Decision decide(AnalystWorkspace workspace, Complaint complaint) {
        RulesetCompilation compilation = new RulesetCompiler().compile(workspace.folders());
        assertThat(compilation.problems()).isEmpty();
        Ruleset ruleset = compilation.ruleset();
        return new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000)).decide(complaint, "en");
    }

    /** The department the workspace's routing table gives a cause (sheet Services, the row starting with the cause). */
    private static String serviceOf(AnalystWorkspace workspace, String cause) {
        try (var in = java.nio.file.Files.newInputStream(workspace.tables().resolve("routing.xlsx"));
             var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            return AnalystWorkspace.rowStartingWith(workbook.getSheet("Services"), cause).getCell(1).getStringCellValue().strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void changingTheFinancingRateInTheTableChangesTheCost() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        Decision before = decide(workspace, example);

        workspace.editTable("resolution.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Financement"), "EUR").getCell(1).setCellValue("10 %"));

        Decision decision = decide(workspace, example);
        // Same amount and delay, so the cost follows the rate: amount × rate × delay / 365.
        assertThat(decision.paymentImpact().annualFinancingRate()).isEqualByComparingTo("0.10");
        BigDecimal expected = before.paymentImpact().amountAtRisk().multiply(new BigDecimal("0.10"))
                .multiply(BigDecimal.valueOf(decision.paymentImpact().delayDays()))
                .divide(BigDecimal.valueOf(365), 2, java.math.RoundingMode.HALF_UP);
        assertThat(decision.paymentImpact().financingCost()).isEqualByComparingTo(expected);
    }

    @Test
    void changingAChannelDurationChangesTheExpectedResolution() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        int before = decide(workspace, example).paymentImpact().expectedResolutionDays();
        int[] amicable = new int[1];
        workspace.editTable("resolution.xlsx", workbook -> {
            var cell = AnalystWorkspace.rowStartingWith(workbook.getSheet("Canaux"), "AMICABLE_SETTLEMENT").getCell(1);
            amicable[0] = (int) cell.getNumericCellValue();
            cell.setCellValue((amicable[0] + 15) + " jours");
        });

        Decision decision = decide(workspace, example);

        // The first channel's duration counts in full: d1 + (1 − p1) × (rest of the ladder).
        assertThat(decision.paymentImpact().expectedResolutionDays()).isEqualTo(before + 15);
        assertThat(decision.resolution().rationale()).doesNotContain("{jours}");
    }

    @Test
    void aDeletedChannelRowIsNamedAsTheMissingRowNotAsAMissingPriority() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        String channel = decide(workspace, example).resolution().recommendedChannel().name();
        workspace.editTable("resolution.xlsx", workbook -> {
            AnalystWorkspace.deleteRowStartingWith(workbook.getSheet("Canaux"), channel);
        });

        // The priority table reads the delay, which needs the channel's row: the message points at that row's sheet.
        assertThatThrownBy(() -> decide(workspace, example)).isInstanceOfSatisfying(DecisionFailedException.class, failure -> {
            assertThat(failure.french()).contains("Canaux").doesNotContain("priorité");
            assertThat(failure.getMessage()).contains("Canaux").doesNotContain("priority");
        });
    }

    @Test
    void aConceptAndAPatternAddedAsSpreadsheetRowsChangeTheCause() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint complaint = Complaints.fromJson("""
                {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"},
                 "text": "Le chantier a été saboté par votre sous-traitant."}
                """);
        // Before the rows, no concept or pattern reads these words: at most the second reader's low-confidence reading.
        Decision before = decide(workspace, complaint);
        assertThat(before.classification().confidence()).isEqualTo(Confidence.LOW);
        assertThat(before.classification().causes()).allSatisfy(c -> assertThat(c.evidence()).noneMatch(e -> e.startsWith("Customer wrote")));

        int[] rows = new int[2];
        workspace.editTable("causes.xlsx", workbook -> {
            Sheet concepts = workbook.getSheet("Concepts");
            AnalystWorkspace.appendRow(concepts, "SABOTAGE", "fr", "saboter; sabotage");
            rows[0] = concepts.getLastRowNum() + 1;
            Sheet patterns = workbook.getSheet("Motifs de texte");
            AnalystWorkspace.appendRow(patterns, "UNSATISFACTORY_SERVICE", "SABOTAGE", null, null, 1, "oui", 2);
            rows[1] = patterns.getLastRowNum() + 1;
        });

        Decision decision = decide(workspace, complaint);
        assertThat(decision.classification().primaryCause()).isEqualTo(Cause.QUALITY);
        assertThat(decision.classification().subCause()).isEqualTo(SubCause.UNSATISFACTORY_SERVICE);
        assertThat(decision.classification().confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(decision.classification().causes().get(0).evidence()).containsExactly("Customer wrote \"saboté\"");
        // routed as the Services table routes the QUALITY cause, read now rather than pinned here
        assertThat(decision.routing().department().name()).isEqualTo(serviceOf(workspace, "QUALITY"));
        assertThat(decision.trace()).anySatisfy(entry -> {
            assertThat(entry.source()).isEqualTo("decision-tables/causes.xlsx");
            assertThat(entry.sheet()).isEqualTo("Motifs de texte");
            assertThat(entry.row()).isEqualTo(rows[1]);
            // The row's ID (the helper gives a new row "NEW-" and its row number) names it in the trace.
            assertThat(entry.ruleId()).isEqualTo("NEW-" + rows[1]);
            assertThat(entry.ruleName()).contains("SABOTAGE (NEW-" + rows[0] + ", Concepts, row " + rows[0] + ": «saboter» as «saboté»)");
        });
    }

    @Test
    void reroutingACauseInTheTableChangesTheDepartment() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        workspace.editTable("routing.xlsx", workbook ->
                AnalystWorkspace.rowStartingWith(workbook.getSheet("Services"), "BILLING_ERROR").getCell(1).setCellValue("CREDIT_MANAGEMENT"));

        Decision decision = decide(workspace, Complaints.fromResource("/decision/contract-example.json"));

        assertThat(decision.routing().department()).isEqualTo(Department.CREDIT_MANAGEMENT);
    }

    @Test
    void changingTheDefaultTermsInTheFinancingTableChangesTheDueDateOfAnInvoiceThatGivesNone() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // No due date, no terms: the invoice falls due after the table's default terms.
        Complaint complaint = Complaints.fromJson("""
                {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"},
                 "invoices": [{"number": "F-1", "issuedOn": "2026-10-10", "amount": 4000.00, "currency": "EUR", "status": "OPEN"}]}
                """);
        Decision before = decide(workspace, complaint);
        int[] terms = new int[1];
        workspace.editTable("resolution.xlsx", workbook -> {
            var cell = AnalystWorkspace.rowStartingWith(workbook.getSheet("Financement"), "EUR").getCell(2);
            terms[0] = (int) cell.getNumericCellValue() + 30;
            cell.setCellValue(terms[0]);
        });

        Decision after = decide(workspace, complaint);

        java.time.LocalDate issued = java.time.LocalDate.of(2026, 10, 10);
        assertThat(after.paymentImpact().originalDueOn()).isEqualTo(issued.plusDays(terms[0]));
        assertThat(after.paymentImpact().paymentTermsDays()).isEqualTo(terms[0]);
        assertThat(before.paymentImpact().originalDueOn()).isEqualTo(issued.plusDays(terms[0] - 30));
        // The unpaid rule reads the same due date: past due on the day of the complaint before, not after.
        assertThat(before.classification().causes()).extracting(Decision.CauseFound::subCause).contains(SubCause.NO_REASON_GIVEN);
        assertThat(after.classification().causes()).extracting(Decision.CauseFound::subCause).doesNotContain(SubCause.NO_REASON_GIVEN);
    }

    @Test
    void aSubCauseFoundWithoutAPrecedenceRowStopsTheDecisionNamingItAndTheSheet() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        SubCause primary = decide(workspace, example).classification().subCause();
        workspace.editTable("causes.xlsx", workbook -> {
            AnalystWorkspace.deleteRowStartingWith(workbook.getSheet("Préséance"), primary.name());
        });

        assertThatThrownBy(() -> decide(workspace, example)).isInstanceOfSatisfying(DecisionFailedException.class, failure -> {
            assertThat(failure.french()).contains("préséance", primary.name(), "causes.xlsx, feuille Préséance");
            assertThat(failure.getMessage()).contains("precedence", primary.name(), "Préséance");
        });
    }

    @Test
    void aChannelTheRationaleNamesWithoutANameRowIsNamedAsTheMissingRow() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        // The amicable settlement failed: the rationale of the next rung names it as {previousChannel}.
        Complaint complaint = Complaints.fromJson("""
                {"complaintId": "C-1", "receivedOn": "2026-11-20", "customer": {"id": "K", "type": "BUSINESS"},
                 "reportedReasons": ["WRONG_PRICE"],
                 "invoices": [{"number": "F-1", "dueOn": "2026-12-20", "amount": 4000.00, "currency": "EUR", "status": "OPEN"}],
                 "resolutionAttempts": [{"channel": "AMICABLE_SETTLEMENT", "startedOn": "2026-10-10", "outcome": "FAILED"}]}
                """);
        assertThat(decide(workspace, complaint).resolution().rationale()).doesNotContain("{previousChannel}");
        workspace.editTable("resolution.xlsx", workbook -> {
            AnalystWorkspace.deleteRowStartingWith(workbook.getSheet("Noms des canaux"), "AMICABLE_SETTLEMENT");
        });

        assertThatThrownBy(() -> decide(workspace, complaint)).isInstanceOfSatisfying(DecisionFailedException.class, failure -> {
            assertThat(failure.french()).contains("AMICABLE_SETTLEMENT", "Noms des canaux");
            assertThat(failure.getMessage()).contains("AMICABLE_SETTLEMENT", "no name in 'en'", "Noms des canaux");
        });
    }

    @Test
    void aDeletedPaymentPolicyRowIsNamedAsTheMissingRow() {
        AnalystWorkspace workspace = AnalystWorkspace.copyOfShippedRules(workdir);
        Complaint example = Complaints.fromResource("/decision/contract-example.json");
        String cause = decide(workspace, example).classification().primaryCause().name();
        workspace.editTable("resolution.xlsx", workbook -> {
            AnalystWorkspace.deleteRowStartingWith(workbook.getSheet("Politique de paiement"), cause);
        });

        assertThatThrownBy(() -> decide(workspace, example)).isInstanceOfSatisfying(DecisionFailedException.class, failure -> {
            assertThat(failure.french()).contains("feuille Politique de paiement").doesNotContain("Canaux", "priorité");
            assertThat(failure.getMessage()).contains("sheet Politique de paiement").doesNotContain("Canaux", "priority");
        });
    }
}
