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
        @Schema(description = "The complaint decided, as the CRM identified it") String complaintId,
        @Schema(description = "When the decision was made (UTC)") Instant evaluatedAt,
        @Schema(description = "The ruleset that decided") RulesetRef ruleset,
        @Schema(description = "What the dispute is about") Classification classification,
        @Schema(description = "Who handles it and how urgently") Routing routing,
        @Schema(description = "Through which channel to resolve it, and the next actions") Resolution resolution,
        @Schema(description = "How much cash it holds up and for how long") PaymentImpact paymentImpact,
        @Schema(description = "Every rule that fired, in firing order, with where it comes from; at most litiges.decision.max-trace entries (500 by default)") List<TraceEntry> trace,
        @Schema(description = "true when the trace lists only the first firings: more rules fired than the trace may hold") boolean traceTruncated,
        @Schema(description = "How many rules fired in all; equals the trace's length unless traceTruncated") int traceTotal) {

    /** A decision whose trace is complete. */
    public Decision(String decisionId, String complaintId, Instant evaluatedAt, RulesetRef ruleset, Classification classification,
                    Routing routing, Resolution resolution, PaymentImpact paymentImpact, List<TraceEntry> trace) {
        this(decisionId, complaintId, evaluatedAt, ruleset, classification, routing, resolution, paymentImpact, trace,
                false, trace == null ? 0 : trace.size());
    }

    public record RulesetRef(@Schema(description = "Version label of the ruleset") String version,
                             @Schema(description = "SHA-256 of the analysts' files", example = "sha256:…") String hash) {
    }

    public record Classification(@Schema(description = "Cause of the first entry of causes") Cause primaryCause,
                                 @Schema(description = "Sub-cause of the first entry of causes") SubCause subCause,
                                 @Schema(description = "HIGH: data prove it; MEDIUM: a reason code or two text cues; LOW: one text cue") Confidence confidence,
                                 @Schema(description = "Every cause found, strongest first") List<CauseFound> causes) {
    }

    public record CauseFound(Cause cause, SubCause subCause,
                             @Schema(description = "The strongest confidence among this sub-cause's evidence") Confidence confidence,
                             @Schema(description = "Human-readable proof: a data fact, a reason code or the customer's words") List<String> evidence,
                             @Schema(description = "The rule that found it") String ruleId) {
    }

    public record Routing(@Schema(description = "The department that owns the dispute") Department department,
                          @Schema(description = "Departments also involved (e.g. SALES for a strategic customer, LEGAL before court)") List<Department> alsoInvolved,
                          @Schema(description = "HIGH, MEDIUM or LOW") Priority priority) {
    }

    public record Resolution(@Schema(description = "The channel to use now") Channel recommendedChannel,
                             @Schema(description = "The rungs after the recommended one") List<Channel> escalationPath,
                             @Schema(description = "Why this channel, in the language of Accept-Language (en or fr)") String rationale,
                             @Schema(description = "Next actions; analysts may add codes, so clients must tolerate unknown ones") List<String> actions) {
    }

    public record PaymentImpact(
            @Schema(description = "disputedAmount, or the sum of the invoices not PAID") BigDecimal amountAtRisk,
            @Schema(description = "ISO-4217 code of the amounts", example = "EUR") String currency,
            @Schema(description = "Due date of the disputed invoice: the earliest-due invoice not PAID; null with no invoice") LocalDate originalDueOn,
            @Schema(description = "The disputed invoice") String disputedInvoice,
            @Schema(description = "Expected days to resolution along the recommended channel and its escalation path, rounded up") int expectedResolutionDays,
            @Schema(description = "receivedOn + expectedResolutionDays") LocalDate expectedResolutionOn,
            @Schema(description = "When payment is expected under the policy") LocalDate expectedPaymentOn,
            @Schema(description = "Days between originalDueOn and expectedPaymentOn, never negative; 0 without an invoice") long delayDays,
            @Schema(description = "Payment terms used, in days") Integer paymentTermsDays,
            @Schema(description = "Annual rate used for the financing cost", example = "0.04") BigDecimal annualFinancingRate,
            @Schema(description = "amountAtRisk × rate × delayDays / 365, rounded half-up to cents") BigDecimal financingCost,
            @Schema(description = "TERMS_RESTART_AT_RESOLUTION: terms restart when the dispute is resolved; PAYMENT_AT_RESOLUTION: payment expected at resolution") PaymentPolicy policy) {
    }

    public record TraceEntry(
            @Schema(description = "Identifier of the rule") String ruleId,
            @Schema(description = "Readable name of the rule (for a table: the table and row)") String ruleName,
            @Schema(description = "File the rule comes from, relative to the rules folders' parent", example = "decision-tables/routing.xlsx") String source,
            @Schema(description = "Sheet of a decision-table rule") String sheet,
            @Schema(description = "1-based spreadsheet row of a decision-table rule") Integer row,
            @Schema(description = "Line of a DRL rule") Integer line) {
    }
}
