package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.PaymentPolicy;
import org.kie.api.definition.type.ClassReactive;

/** The payment-policy table's answer: when payment is expected, for this primary cause. */
@ClassReactive
public final class ChosenPaymentPolicy implements DecisionAnswer {
    private final String policy;

    public ChosenPaymentPolicy(String policy) {
        this.policy = CauseFinding.parse(PaymentPolicy.class, policy, "payment policy").name();
    }

    public String getPolicy() { return policy; }

    @Override
    public String toString() {
        return "ChosenPaymentPolicy " + policy;
    }
}
