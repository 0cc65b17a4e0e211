package fr.litiges.decision;

import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.facts.ChannelDuration;
import fr.litiges.decision.facts.ChannelStep;
import fr.litiges.decision.facts.DecisionAnswer;
import fr.litiges.decision.facts.ChannelSuccessRate;
import fr.litiges.decision.facts.Dispute;
import fr.litiges.decision.facts.Invoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of the payment-delay impact (default-policy.md section 3). All figures it
 * uses (days, success rates, policy, rate, default terms) come from the tables; this class
 * only computes, in BigDecimal and LocalDate so that cents and leap years come out right.
 */
public final class PaymentImpactCalculator {
    /** An annual rate is charged per day as rate / 365 (the banks' exact/365 convention): arithmetic, not policy. */
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    /** One channel on the way to resolution with the table's expectations. */
    record Step(String channel, int expectedDays, BigDecimal successRate) {
    }

    record Inputs(LocalDate receivedOn, List<Step> steps, PaymentPolicy policy, BigDecimal annualFinancingRate,
                  int defaultTermsDays, List<Invoice> invoices, BigDecimal amountAtRisk) {
    }

    public record Figures(BigDecimal amountAtRisk, LocalDate originalDueOn, String disputedInvoice, int expectedResolutionDays,
                   LocalDate expectedResolutionOn, LocalDate expectedPaymentOn, long delayDays, int paymentTermsDays,
                   BigDecimal annualFinancingRate, BigDecimal financingCost, PaymentPolicy policy) implements DecisionAnswer {
    }

    /**
     * Called by the impact rule (rules/payment-impact.drl) with the tables' answers: the figures of
     * this dispute over the way it may still go, or null when the channel table left a channel of
     * the way out (the decision then says which table).
     */
    public static Figures figures(Dispute dispute, java.util.Collection<?> stepFacts, java.util.Collection<?> durationFacts,
                                  java.util.Collection<?> successRateFacts, String policy, double annualFinancingRate,
                                  int defaultTermsDays, java.util.Collection<?> invoiceFacts) {
        // A decision's way has one to four channels: plain loops, no maps or streams.
        List<ChannelStep> steps = new java.util.ArrayList<>(stepFacts.size());
        stepFacts.forEach(f -> steps.add((ChannelStep) f));
        steps.sort(Comparator.comparingInt(ChannelStep::getPosition));
        if (steps.isEmpty()) {
            return null;
        }
        List<Step> path = new java.util.ArrayList<>(steps.size());
        for (ChannelStep step : steps) {
            ChannelDuration duration = firstFor(step.getChannel(), durationFacts, ChannelDuration.class);
            ChannelSuccessRate rate = firstFor(step.getChannel(), successRateFacts, ChannelSuccessRate.class);
            if (duration == null || rate == null) {
                return null;
            }
            path.add(new Step(step.getChannel(), duration.getExpectedDays(), BigDecimal.valueOf(rate.getSuccessRate())));
        }
        List<Invoice> invoices = new java.util.ArrayList<>(invoiceFacts.size());
        invoiceFacts.forEach(f -> invoices.add((Invoice) f));
        return new PaymentImpactCalculator().calculate(new Inputs(dispute.getReceivedOn(), path,
                PaymentPolicy.valueOf(policy), BigDecimal.valueOf(annualFinancingRate),
                defaultTermsDays, invoices, dispute.getAmountAtRisk()));
    }

    /** The first of the channel table's answers for this channel (the facts in the engine's order), or null. */
    private static <T> T firstFor(String channel, java.util.Collection<?> facts, Class<T> type) {
        for (Object fact : facts) {
            String of = fact instanceof ChannelDuration d ? d.getChannel() : ((ChannelSuccessRate) fact).getChannel();
            if (of.equals(channel)) {
                return type.cast(fact);
            }
        }
        return null;
    }

    Figures calculate(Inputs in) {
        int resolutionDays = expectedResolutionDays(in.steps());
        LocalDate resolutionOn = in.receivedOn().plusDays(resolutionDays);
        Optional<Invoice> disputed = disputedInvoice(in.invoices(), in.defaultTermsDays());
        int terms = disputed.map(Invoice::getPaymentTermsDays).orElse(null) != null
                ? disputed.get().getPaymentTermsDays() : in.defaultTermsDays();
        LocalDate paymentOn = in.policy() == PaymentPolicy.PAYMENT_AT_RESOLUTION ? resolutionOn : resolutionOn.plusDays(terms);
        LocalDate dueOn = disputed.map(invoice -> invoice.dueDate(in.defaultTermsDays())).orElse(null);
        long delay = dueOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueOn, paymentOn));
        BigDecimal cost = dueOn == null ? BigDecimal.ZERO.setScale(2)
                : in.amountAtRisk().multiply(in.annualFinancingRate()).multiply(BigDecimal.valueOf(delay))
                .divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
        return new Figures(in.amountAtRisk(), dueOn, disputed.map(Invoice::getNumber).orElse(null), resolutionDays,
                resolutionOn, paymentOn, delay, terms, in.annualFinancingRate(), cost, in.policy());
    }

    /**
     * d1 + (1 − p1) × (d2 + (1 − p2) × (d3 + …)): each channel's days, plus the next channel's
     * expected days weighted by the chance this one fails; rounded up to a whole day.
     */
    static int expectedResolutionDays(List<Step> steps) {
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            expected = BigDecimal.valueOf(step.expectedDays())
                    .add(BigDecimal.ONE.subtract(step.successRate()).multiply(expected));
        }
        return expected.setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** The invoice not PAID that falls due first: the one whose payment the dispute holds up soonest. */
    static Optional<Invoice> disputedInvoice(List<Invoice> invoices, int defaultTermsDays) {
        return invoices.stream()
                .filter(Invoice::isUnpaid)
                .filter(invoice -> invoice.dueDate(defaultTermsDays) != null)
                .min(Comparator.comparing(invoice -> invoice.dueDate(defaultTermsDays)));
    }
}
