package fr.litiges.decision.api;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.api.Codes.Priority;
import fr.litiges.decision.api.Codes.SubCause;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the service decided for one complaint, with the rules that decided it. */
@Schema(description = "The decision for one complaint")
public record Decision(
        @Schema(description = "Unique id of this decision") String decisionId,
        String complaintId,
        Instant evaluatedAt,
        @Schema(description = "The ruleset that decided") RulesetRef ruleset,
        Classification classification,
        Routing routing,
        Resolution resolution,
        PaymentImpact paymentImpact,
        @Schema(description = "Every rule that fired, in firing order, with where it comes from") List<TraceEntry> trace) {

    public record RulesetRef(String version, @Schema(example = "sha256:…") String hash) {
    }

    public record Classification(Cause primaryCause, SubCause subCause, Confidence confidence,
                                 @Schema(description = "Every cause found, strongest first") List<CauseFound> causes) {
    }

    public record CauseFound(Cause cause, SubCause subCause, Confidence confidence,
                             @Schema(description = "Human-readable proof: a data fact, a reason code or the customer's words") List<String> evidence,
                             @Schema(description = "The rule that found it") String ruleId) {
    }

    public record Routing(Department department, List<Department> alsoInvolved, Priority priority) {
    }

    public record Resolution(Channel recommendedChannel,
                             @Schema(description = "The rungs after the recommended one") List<Channel> escalationPath,
                             @Schema(description = "Why this channel, in the language of Accept-Language (en or fr)") String rationale,
                             @Schema(description = "Next actions; analysts may add codes, so clients must tolerate unknown ones") List<String> actions) {
    }

    public record PaymentImpact(
            BigDecimal amountAtRisk,
            String currency,
            @Schema(description = "Due date of the disputed invoice: the earliest-due invoice not PAID; null with no invoice") LocalDate originalDueOn,
            @Schema(description = "The disputed invoice") String disputedInvoice,
            int expectedResolutionDays,
            LocalDate expectedResolutionOn,
            LocalDate expectedPaymentOn,
            long delayDays,
            @Schema(description = "Payment terms used, in days") Integer paymentTermsDays,
            BigDecimal annualFinancingRate,
            BigDecimal financingCost,
            PaymentPolicy policy) {
    }

    public record TraceEntry(
            String ruleId,
            String ruleName,
            @Schema(description = "File the rule comes from, relative to the rules folders' parent", example = "decision-tables/routing.xlsx") String source,
            @Schema(description = "Sheet of a decision-table rule") String sheet,
            @Schema(description = "1-based spreadsheet row of a decision-table rule") Integer row,
            @Schema(description = "Line of a DRL rule") Integer line) {
    }
}
