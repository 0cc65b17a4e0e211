package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;

/**
 * The financing table's answer: the payment terms of an invoice that gives none, from which
 * its due date is derived and after which payment is due again when the terms restart.
 */
@ClassReactive
public final class DefaultPaymentTerms implements DecisionAnswer {
    private final int days;

    public DefaultPaymentTerms(int days) {
        if (days < 0 || days > 365) {
            throw new IllegalArgumentException("default payment terms must be 0..365 days: " + days);
        }
        this.days = days;
    }

    public int getDays() { return days; }

    @Override
    public String toString() {
        return "DefaultPaymentTerms " + days;
    }
}
