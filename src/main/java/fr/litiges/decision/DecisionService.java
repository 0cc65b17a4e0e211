package fr.litiges.decision;

import fr.litiges.decision.api.Codes.AttemptOutcome;
import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.PaymentPolicy;
import fr.litiges.decision.api.Codes.Priority;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.decision.api.Decision.CauseFound;
import fr.litiges.decision.facts.CauseFinding;
import fr.litiges.decision.facts.ChannelRecommendation;
import fr.litiges.decision.facts.ChannelStep;
import fr.litiges.decision.facts.Classification;
import fr.litiges.decision.facts.EscalationLadder;
import fr.litiges.decision.facts.EvidenceGathered;
import fr.litiges.decision.facts.LadderRung;
import fr.litiges.decision.facts.CashExposure;
import fr.litiges.decision.facts.PaymentImpactBasis;
import fr.litiges.decision.facts.RoutingOutcome;
import fr.litiges.decision.facts.TextEvidence;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.text.PatternMatch;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Service;

/**
 * Decides one complaint on one ruleset snapshot. The rules run in stages within a session
 * used for this decision only and then disposed, so nothing survives the call (the same
 * thing a stateless session does); between stages Java does what is not policy: it sums cue
 * weights, ranks causes, and computes the payment-delay arithmetic the next rules route on.
 */
@Service
public class DecisionService {
    private final ActiveRuleset rulesets;
    private final Clock clock;
    private final PaymentImpactCalculator calculator = new PaymentImpactCalculator();
    private final int maxRulesFired;
    private final long timeBudgetNanos;
    private final int maxTrace;

    public DecisionService(ActiveRuleset rulesets, Clock clock, DecisionProperties properties) {
        this.rulesets = rulesets;
        this.clock = clock;
        this.maxRulesFired = properties.maxRulesFired();
        this.timeBudgetNanos = properties.timeBudget().toNanos();
        this.maxTrace = properties.maxTrace();
    }

    /** Decides on the ruleset active now; a reload during the call does not affect it. */
    public Decision decide(Complaint complaint, String language) {
        return decide(rulesets.current(), complaint, language);
    }

    public Decision decide(Ruleset ruleset, Complaint complaint, String language) {
        checkDecidable(complaint);
        ComplaintFacts facts = ComplaintFacts.of(complaint);
        // The words are analysed before the rules' time budget starts: it bounds the rules, not the text's length.
        List<PatternMatch> words = ruleset.textRules().match(facts.text());
        DecisionJournal journal = new DecisionJournal(ruleset.sourceMap(), maxTrace, WorkClock.processorTime(), timeBudgetNanos);
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) journal);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) journal);

            // Stage 1: gather evidence (data, reason codes, words) and choose the escalation ladder.
            EscalationLadder ladderQuestion = new EscalationLadder(facts.customer().getType(),
                    facts.customer().isMediationClause(), facts.dispute().getAmountAtRisk());
            session.insert(ladderQuestion);
            session.insert(facts.dispute());
            session.insert(facts.customer());
            facts.invoices().forEach(session::insert);
            facts.others().forEach(session::insert);
            fire(session, journal);

            // Stage 2: the rules weigh the words, settle what was found and walk the ladder.
            textEvidence(words, journal).forEach(session::insert);
            List<String> ladder = ladderQuestion.chosen();
            for (int i = 0; i < ladder.size(); i++) {
                session.insert(rung(i + 1, ladder.get(i), complaint));
            }
            session.insert(new EvidenceGathered());
            fire(session, journal);

            // Stage 3: the primary cause is known; the tables give the channel and payment assumptions.
            List<CauseFound> causes = CauseRanking.rank(objects(session, CauseFinding.class));
            CauseFound primary = causes.isEmpty() ? null : causes.get(0);
            if (primary != null) {
                session.insert(new Classification(primary.cause().name(), primary.subCause().name(), primary.confidence().name()));
            }
            ChannelRecommendation recommendation = journal.recommendation();
            List<ChannelStep> steps = steps(recommendation, ladder);
            steps.forEach(session::insert);
            PaymentImpactBasis basis = new PaymentImpactBasis(primary == null ? null : primary.cause().name(),
                    primary == null ? null : primary.subCause().name(), facts.dispute().getCurrency(), facts.customer().getType());
            session.insert(basis);
            fire(session, journal);

            // Stage 4: the arithmetic, then the routing rules that depend on amount and delay.
            PaymentImpactCalculator.Figures figures = figures(facts, steps, basis);
            if (figures != null) {
                session.insert(new CashExposure(figures.amountAtRisk(), figures.delayDays(), figures.expectedResolutionDays(),
                        figures.financingCost(), facts.customer().isStrategic(), facts.customer().getType()));
            }
            fire(session, journal);

            return assemble(ruleset, complaint, facts, language, causes, recommendation, steps, figures, journal);
        } finally {
            session.dispose();
        }
    }

    private void fire(KieSession session, DecisionJournal journal) {
        int fired;
        try {
            fired = session.fireAllRules(maxRulesFired + 1 - journal.firedCount());
        } catch (RuntimeException e) {
            throw new DecisionFailedException("une règle a échoué " + journal.describeFailureFrench(e),
                    "a rule failed: " + journal.describeFailure(e), e);
        }
        // Only a rule that fired again on the very same facts is said to loop; otherwise the
        // message says what was exceeded and which rule fired last, without guessing a cause.
        String looping = journal.loopingRule();
        String cause = looping != null ? "; a rule loops: " + looping : "; last fired " + journal.lastFired();
        String fix = " ; vérifiez que ses actions ne recréent pas les conditions qui la déclenchent";
        String causeFr = looping != null ? " ; une règle boucle : " + journal.loopingRuleFrench() + fix
                : " ; dernière règle déclenchée : " + journal.lastFiredFrench() + fix;
        if (journal.overBudget()) {
            throw new DecisionFailedException("les règles ont dépassé leur budget de " + timeBudgetNanos / 1_000_000
                    + " ms de calcul pour une réclamation" + causeFr,
                    "the rules ran past their time budget of " + timeBudgetNanos / 1_000_000
                    + " ms of processor time for one complaint" + cause, null);
        }
        if (journal.firedCount() > maxRulesFired || fired < 0) {
            throw new DecisionFailedException("les règles se sont déclenchées plus de " + maxRulesFired + " fois pour une réclamation" + causeFr,
                    "the rules fired more than " + maxRulesFired + " times for one complaint" + cause, null);
        }
    }

    /** The ruleset a whole batch should run on, read once so a reload never splits a batch. */
    public Ruleset activeRuleset() {
        return rulesets.current();
    }

    /** The checks made before the rules run; POST /api/v1/decisions/validate makes them too. */
    public static void checkDecidable(Complaint complaint) {
        if (complaint.disputedAmount() != null) {
            return;
        }
        java.util.Set<String> currencies = ComplaintFacts.unpaidCurrencies(complaint);
        if (currencies.size() > 1) {
            throw new InvalidComplaintException("disputedAmount", "the invoices not PAID are in several currencies "
                    + currencies + ": send disputedAmount in one currency");
        }
    }

    /**
     * Sums the weights of the text patterns found per sub-cause, counting each stretch of the
     * customer's words once: patterns that share words (e.g. "il manque" alone and "il manque
     * 2 cartons") are one piece of evidence, at the higher weight. Counting the most matches that
     * share no word is the classic earliest-end greedy choice. Each match counted goes to the
     * trace with its pattern and concept rows.
     */
    static List<TextEvidence> textEvidence(List<PatternMatch> matches, DecisionJournal journal) {
        Map<String, List<PatternMatch>> bySubCause = new LinkedHashMap<>();
        for (PatternMatch match : matches) {
            bySubCause.computeIfAbsent(match.subCause(), k -> new ArrayList<>()).add(match);
        }
        List<TextEvidence> evidence = new ArrayList<>();
        bySubCause.forEach((subCause, found) -> {
            List<PatternMatch> byEnd = new ArrayList<>(found);
            byEnd.sort(Comparator.comparingInt(PatternMatch::end).thenComparingInt(PatternMatch::start));
            List<PatternMatch> chosen = new ArrayList<>();
            for (PatternMatch match : byEnd) {
                if (chosen.isEmpty() || match.start() >= chosen.get(chosen.size() - 1).end()) {
                    chosen.add(match);
                }
            }
            double total = 0;
            List<String> phrases = new ArrayList<>();
            for (PatternMatch kept : chosen) {
                PatternMatch strongest = kept;
                String phrase = kept.quote();
                for (PatternMatch other : found) {
                    if (other.start() < kept.end() && kept.start() < other.end()) {
                        if (other.weight() > strongest.weight()) {
                            strongest = other;
                        }
                        if (other.quote().length() > phrase.length()) {
                            phrase = other.quote();
                        }
                    }
                }
                total += strongest.weight();
                phrases.add(phrase);
            }
            evidence.add(new TextEvidence(subCause, total, new ArrayList<>(new LinkedHashSet<>(phrases))));
        });
        matches.forEach(journal::textMatched);
        return evidence;
    }

    /** A rung with what the earlier attempts on its channel say: the latest failure, or the attempt under way. */
    private static LadderRung rung(int position, String channel, Complaint complaint) {
        LocalDate failedOn = null;
        LocalDate ongoingSince = null;
        boolean failed = false;
        boolean ongoing = false;
        for (Complaint.ResolutionAttempt attempt : complaint.resolutionAttempts()) {
            if (!attempt.channel().name().equals(channel)) {
                continue;
            }
            if (attempt.outcome() == AttemptOutcome.FAILED) {
                failed = true;
                failedOn = latest(failedOn, attempt.startedOn());
            } else if (attempt.outcome() == AttemptOutcome.ONGOING) {
                ongoing = true;
                ongoingSince = latest(ongoingSince, attempt.startedOn());
            }
        }
        return new LadderRung(position, channel, failed, failedOn, ongoing, ongoingSince);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The recommended channel followed by the rungs after it: the way the dispute may still go. */
    private static List<ChannelStep> steps(ChannelRecommendation recommendation, List<String> ladder) {
        if (recommendation == null) {
            return List.of();
        }
        List<ChannelStep> steps = new ArrayList<>();
        steps.add(new ChannelStep(recommendation.getChannel(), 0));
        if (!"RESOLVED".equals(recommendation.getSituation())) {
            int index = ladder.indexOf(recommendation.getChannel());
            for (int i = index < 0 ? ladder.size() : index + 1; i < ladder.size(); i++) {
                steps.add(new ChannelStep(ladder.get(i), steps.size()));
            }
        }
        return steps;
    }

    private PaymentImpactCalculator.Figures figures(ComplaintFacts facts, List<ChannelStep> steps, PaymentImpactBasis basis) {
        if (steps.isEmpty() || basis.getPolicy() == null || basis.getAnnualFinancingRate() == null
                || basis.getDefaultPaymentTermsDays() == null
                || steps.stream().anyMatch(s -> s.getExpectedDays() == null || s.getSuccessRate() == null)) {
            return null;
        }
        List<PaymentImpactCalculator.Step> path = steps.stream()
                .map(s -> new PaymentImpactCalculator.Step(s.getChannel(), s.getExpectedDays(), BigDecimal.valueOf(s.getSuccessRate())))
                .toList();
        return calculator.calculate(new PaymentImpactCalculator.Inputs(facts.dispute().getReceivedOn(), path,
                PaymentPolicy.valueOf(basis.getPolicy()), BigDecimal.valueOf(basis.getAnnualFinancingRate()),
                basis.getDefaultPaymentTermsDays(), facts.invoices(), facts.dispute().getAmountAtRisk()));
    }

    private Decision assemble(Ruleset ruleset, Complaint complaint, ComplaintFacts facts, String language, List<CauseFound> causes,
                              ChannelRecommendation recommendation, List<ChannelStep> steps,
                              PaymentImpactCalculator.Figures figures, DecisionJournal journal) {
        CauseFound primary = causes.isEmpty() ? null : causes.get(0);
        Decision.Classification classification = new Decision.Classification(
                primary == null ? Cause.UNKNOWN : primary.cause(),
                primary == null ? SubCause.NEEDS_REVIEW : primary.subCause(),
                primary == null ? Confidence.LOW : primary.confidence(), causes);

        Department department = null;
        Priority priority = null;
        Set<Department> alsoInvolved = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        for (RoutingOutcome outcome : journal.routingOutcomes()) {
            switch (outcome.getKind()) {
                case DEPARTMENT -> department = department == null ? Department.valueOf(outcome.getCode()) : department;
                case PRIORITY -> priority = priority == null ? Priority.valueOf(outcome.getCode()) : priority;
                case ALSO_INVOLVED -> alsoInvolved.add(Department.valueOf(outcome.getCode()));
                case ACTION -> actions.add(outcome.getCode());
            }
        }
        if (department != null) {
            alsoInvolved.remove(department);
        }
        Decision.Routing routing = new Decision.Routing(department, List.copyOf(alsoInvolved), priority);

        Channel channel = recommendation == null ? null : Channel.valueOf(recommendation.getChannel());
        List<Channel> path = steps.stream().skip(1).map(s -> Channel.valueOf(s.getChannel())).toList();
        Decision.Resolution resolution = new Decision.Resolution(channel, path,
                Rationale.of(recommendation, language, steps.isEmpty() ? null : steps.get(0).getExpectedDays()), List.copyOf(actions));

        Decision.PaymentImpact impact = figures == null
                ? new Decision.PaymentImpact(facts.dispute().getAmountAtRisk(), facts.dispute().getCurrency(), null, null, 0,
                null, null, 0, null, null, BigDecimal.ZERO.setScale(2), null)
                : new Decision.PaymentImpact(figures.amountAtRisk(), facts.dispute().getCurrency(), figures.originalDueOn(),
                figures.disputedInvoice(), figures.expectedResolutionDays(), figures.expectedResolutionOn(),
                figures.expectedPaymentOn(), figures.delayDays(), figures.paymentTermsDays(),
                figures.annualFinancingRate(), figures.financingCost(), figures.policy());

        requireDecided(department, "department", "routing.xlsx, sheet Services");
        requireDecided(priority, "priority", "routing.xlsx, sheet Priorité");
        requireDecided(channel, "recommended channel", "resolution.xlsx, sheets Échelles and the escalation rules");
        requireDecided(impact.policy(), "payment policy, financing rate or default terms",
                "resolution.xlsx, sheets Politique de paiement, Canaux and Financement");
        return new Decision(UUID.randomUUID().toString(), complaint.complaintId(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                new Decision.RulesetRef(ruleset.version(), ruleset.hash()), classification, routing, resolution, impact,
                journal.trace(), journal.traceTruncated(), journal.firedCount());
    }

    /**
     * A decision never carries a null code: a table with no row for this complaint is the
     * ruleset's fault, reported as such (and caught by the scenarios before a reload goes live)
     * instead of a half-decision a CRM cannot route.
     */
    private static void requireDecided(Object code, String what, String where) {
        if (code == null) {
            throw new DecisionFailedException("the tables decided no " + what + " for this complaint: add a row that covers it ("
                    + where + "; a last row with empty conditions covers every remaining case)", null);
        }
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object object : session.getObjects(type::isInstance)) {
            found.add(type.cast(object));
        }
        return found;
    }
}
