package fr.litiges.decision.facts;

import org.kie.api.definition.type.ClassReactive;

/** The financing table's answer: what a year of waiting for the money costs (0.04 = 4 %). */
@ClassReactive
public final class FinancingRate implements DecisionAnswer {
    private final double annualRate;

    public FinancingRate(double annualRate) {
        if (!(annualRate >= 0 && annualRate <= 1)) {
            throw new IllegalArgumentException("annual financing rate must be between 0 and 1: " + annualRate);
        }
        this.annualRate = annualRate;
    }

    public double getAnnualRate() { return annualRate; }

    @Override
    public String toString() {
        return "FinancingRate " + annualRate;
    }
}
