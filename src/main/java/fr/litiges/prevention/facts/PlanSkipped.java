package fr.litiges.prevention.facts;

import fr.litiges.prevention.api.PreventionCodes;
import fr.litiges.prevention.api.PreventionCodes.PlanStatus;
import org.kie.api.definition.type.ClassReactive;

/** The scope table's answer (sheet "Périmètre"): this invoice is left out of prevention, with this status. */
@ClassReactive
public final class PlanSkipped {
    private final String invoice;
    private final PlanStatus status;

    public PlanSkipped(String invoice, String status) {
        PlanStatus parsed = PreventionCodes.parse(PlanStatus.class, status, "plan status");
        if (!parsed.name().startsWith("SKIPPED_")) {
            throw new IllegalArgumentException("'" + status + "' does not skip an invoice: use SKIPPED_PAID, SKIPPED_DUE or SKIPPED_IN_DISPUTE");
        }
        this.invoice = invoice;
        this.status = parsed;
    }

    public String getInvoice() { return invoice; }
    public PlanStatus getStatus() { return status; }

    @Override
    public String toString() {
        return "PlanSkipped " + invoice + " " + status;
    }
}
