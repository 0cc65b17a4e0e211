package fr.litiges.prevention.api;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Decision;
import fr.litiges.prevention.api.PreventionCodes.PlanStatus;
import fr.litiges.prevention.api.PreventionCodes.ReminderChannel;
import fr.litiges.prevention.api.PreventionCodes.ReminderTemplate;
import fr.litiges.prevention.api.PreventionCodes.RiskTier;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** One plan per invoice of the portfolio, in the order of the request. */
@Schema(description = "Preventive reminder plans, one per invoice, in the order of the request")
public record PreventionResponse(
        @Schema(description = "The day the plans were made for") LocalDate asOf,
        @Schema(description = "The ruleset that made them") Decision.RulesetRef ruleset,
        List<Plan> plans) {

    @Schema(name = "PreventionPlan")
    public record Plan(
            @Schema(description = "Invoice number", example = "F-1001") String invoice,
            @Schema(description = "SCHEDULED, NO_REMINDER, SKIPPED_PAID, SKIPPED_DUE or SKIPPED_IN_DISPUTE") PlanStatus status,
            @Schema(description = "HIGH, MEDIUM or LOW; absent for a skipped invoice") RiskTier riskTier,
            @Schema(description = "Disputes the company's own data already show, strongest first") List<LikelyDispute> likelyDispute,
            @Schema(description = "Reminders, sorted by date") List<Reminder> reminders,
            @Schema(description = "What to fix now, from the routing table's actions of each likely dispute") List<String> actions,
            @Schema(description = "true when no dunning may be sent (a dispute is open)") boolean holdDunning,
            @Schema(description = "Why, in the language of Accept-Language") String rationale,
            @Schema(description = "Every rule that fired for this invoice, in firing order, with where it comes from") List<Decision.TraceEntry> trace) {
    }

    @Schema(name = "LikelyDispute")
    public record LikelyDispute(Cause cause, SubCause subCause,
                                @Schema(description = "What the data show") List<String> evidence) {
    }

    @Schema(name = "Reminder")
    public record Reminder(@Schema(description = "Day to send or make it (a working day, never before asOf)") LocalDate on,
                           ReminderChannel channel, ReminderTemplate template,
                           @Schema(description = "The department that sends or makes it") Department owner) {
    }
}
