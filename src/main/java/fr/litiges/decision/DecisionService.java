package fr.litiges.decision;

import fr.litiges.decision.api.Codes.Cause;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.Confidence;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.Priority;
import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.decision.api.Decision.CauseFound;
import fr.litiges.decision.facts.ChannelDuration;
import fr.litiges.decision.facts.ChannelName;
import fr.litiges.decision.facts.ChannelRationale;
import fr.litiges.decision.facts.ChannelRecommendation;
import fr.litiges.decision.facts.ChannelStep;
import fr.litiges.decision.facts.ChosenPaymentPolicy;
import fr.litiges.decision.facts.DefaultPaymentTerms;
import fr.litiges.decision.facts.FinancingRate;
import fr.litiges.decision.facts.NamedChannel;
import fr.litiges.decision.facts.EscalationLadder;
import fr.litiges.decision.facts.RankedCauses;
import fr.litiges.decision.facts.ReaderThreshold;
import fr.litiges.decision.facts.RoutingOutcome;
import fr.litiges.decision.facts.SecondReading;
import fr.litiges.decision.facts.TextEvidence;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.DecisionStages;
import fr.litiges.ruleset.QueryAnswers;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.text.PatternMatch;
import fr.litiges.text.SecondReader;
import fr.litiges.text.TextRules;
import java.math.BigDecimal;
import java.time.Clock;
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
 * Decides one complaint on one ruleset snapshot: the complaint goes in as facts, the stages go
 * on the focus stack once, and one {@code fireAllRules} runs the whole decision; the rules call
 * the arithmetic they need (ranking, ladder walk, payment-delay figures), and the answers are
 * read back with the queries of fr/litiges/decision/results.drl. The session is borrowed from the
 * ruleset's pool and given back emptied, as a new one (or dropped if the decision failed), so
 * nothing of one complaint reaches the next.
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
        TextRules.Analysed analysed = ruleset.textRules().analyse(facts.text());
        List<PatternMatch> words = ruleset.textRules().patternsIn(analysed);
        SecondReader.Opinion reading = ruleset.secondReader().reads() ? ruleset.secondReader().opinionOf(analysed) : null;
        DecisionJournal journal = new DecisionJournal(ruleset.sourceMap(), maxTrace, WorkClock.processorTime(), timeBudgetNanos);
        KieSession session = ruleset.sessions().borrow();
        boolean failed = false;
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) journal);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) journal);

            // The complaint as facts; the rules do the rest, stage by stage (rules/payment-impact.drl lists the stages).
            session.insert(new EscalationLadder(facts.customer().getType(), facts.customer().isMediationClause(),
                    facts.dispute().getAmountAtRisk()));
            session.insert(facts.dispute());
            session.insert(facts.customer());
            facts.invoices().forEach(session::insert);
            facts.others().forEach(session::insert);
            textEvidence(words, journal).forEach(session::insert);
            if (reading != null) {
                secondReading(ruleset.secondReader(), reading).forEach(session::insert);
            }
            DecisionStages.focus(session);
            fire(session, journal);

            Answers answers = Answers.of(session);
            requireRanked(answers.ranked);
            List<CauseFound> causes = answers.ranked.isEmpty() ? List.of() : answers.ranked.get(0).causes();
            ChannelRecommendation recommended = answers.recommended.isEmpty() ? null : answers.recommended.get(0);
            List<ChannelStep> steps = answers.steps;
            steps.sort(Comparator.comparingInt(ChannelStep::getPosition));
            List<ChannelDuration> duration = answers.recommendedDuration();
            String rationale = recommended == null ? Rationale.of(null, List.of(), List.of(), language, null)
                    : Rationale.of(recommended, answers.rationales(), answers.channelNames(), language,
                    duration.isEmpty() ? null : duration.get(0).getExpectedDays());
            if (answers.figures.isEmpty()) {
                requirePaymentAnswers(answers);
            }
            return assemble(ruleset, complaint, facts, causes, recommended, steps, rationale,
                    answers.figures.isEmpty() ? null : answers.figures.get(0), answers.routing, journal);
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        } finally {
            // The next decision on this session must not report to this one's journal; a failed decision's session is not reused.
            session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) journal);
            session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) journal);
            ruleset.sessions().release(session, failed);
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
        if (!journal.overBudget() && journal.firedCount() <= maxRulesFired && fired >= 0) {
            return;
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
        throw new DecisionFailedException("les règles se sont déclenchées plus de " + maxRulesFired + " fois pour une réclamation" + causeFr,
                "the rules fired more than " + maxRulesFired + " times for one complaint" + cause, null);
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
     * trace with its pattern and concept rows. This is counting, with no value of its own to tune:
     * the weights are the rows of causes.xlsx "Motifs de texte", and what a total is worth (2 or
     * more: MEDIUM) is rules/cause-confidence.drl's.
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

    /** The second reader's opinion of the text, and the thresholds' rows its use is held to (rules/second-reader.drl). */
    static List<Object> secondReading(SecondReader reader, SecondReader.Opinion opinion) {
        return List.of(new SecondReading(opinion.subCause(), opinion.probability(), opinion.second(), opinion.margin(), opinion.words(),
                opinion.examples()), threshold(reader.propose()), threshold(reader.contradict()));
    }

    private static ReaderThreshold threshold(SecondReader.Threshold threshold) {
        return new ReaderThreshold(threshold.use(), threshold.probability(), threshold.margin(), threshold.row().ruleId(),
                threshold.row().source(), threshold.row().sheet(), threshold.row().row());
    }

    /**
     * No payment figures: names the table that left an assumption out, in the order the stages
     * ask them (the financing terms, the policy, then each channel's duration and success rate).
     * The channel comes first when there is none, as the policy and the figures depend on it.
     */
    private static void requirePaymentAnswers(Answers answers) {
        if (answers.recommended.isEmpty()) {
            return;
        }
        if (answers.rates.isEmpty() || answers.terms.isEmpty()) {
            requireDecided(null, "taux de financement et délai de paiement par défaut de la devise du litige",
                    "financing rate and default payment terms for the dispute's currency",
                    "resolution.xlsx, feuille Financement", "resolution.xlsx, sheet Financement");
        }
        if (answers.policies.isEmpty()) {
            requireDecided(null, "politique de paiement de la cause principale", "payment policy for the primary cause",
                    "resolution.xlsx, feuille Politique de paiement", "resolution.xlsx, sheet Politique de paiement");
        }
        requireDecided(null, "délai attendu et taux de succès de chaque canal de la voie", "expected days and success rate of each channel on the way",
                "resolution.xlsx, feuille Canaux", "resolution.xlsx, sheet Canaux");
    }

    /** A sub-cause found that the precedence table does not rank has no known place: said, not guessed. */
    private static void requireRanked(List<RankedCauses> ranked) {
        if (!ranked.isEmpty() && !ranked.get(0).unranked().isEmpty()) {
            String missing = String.join(", ", ranked.get(0).unranked());
            throw new DecisionFailedException("la table de préséance n'a pas de ligne pour la sous-cause trouvée " + missing
                    + " : ajoutez-la avec son rang (causes.xlsx, feuille Préséance)",
                    "the precedence table has no row for the sub-cause found " + missing
                    + ": add it with its rank (causes.xlsx, sheet Préséance)", null);
        }
    }

    private Decision assemble(Ruleset ruleset, Complaint complaint, ComplaintFacts facts, List<CauseFound> causes,
                              ChannelRecommendation recommendation, List<ChannelStep> steps, String rationale,
                              PaymentImpactCalculator.Figures figures, List<RoutingOutcome> routingOutcomes, DecisionJournal journal) {
        CauseFound primary = causes.isEmpty() ? null : causes.get(0);
        Decision.Classification classification = new Decision.Classification(
                primary == null ? Cause.UNKNOWN : primary.cause(),
                primary == null ? SubCause.NEEDS_REVIEW : primary.subCause(),
                primary == null ? Confidence.LOW : primary.confidence(), causes);

        Department department = null;
        Priority priority = null;
        Set<Department> alsoInvolved = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        for (RoutingOutcome outcome : routingOutcomes) {
            switch (outcome.getKind()) {
                // One department: the routing table's "Services" sheet is first-match.
                case DEPARTMENT -> department = Department.valueOf(outcome.getCode());
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
                rationale, List.copyOf(actions));

        Decision.PaymentImpact impact = figures == null
                ? new Decision.PaymentImpact(facts.dispute().getAmountAtRisk(), facts.dispute().getCurrency(), null, null, 0,
                null, null, 0, null, null, BigDecimal.ZERO.setScale(2), null)
                : new Decision.PaymentImpact(figures.amountAtRisk(), facts.dispute().getCurrency(), figures.originalDueOn(),
                figures.disputedInvoice(), figures.expectedResolutionDays(), figures.expectedResolutionOn(),
                figures.expectedPaymentOn(), figures.delayDays(), figures.paymentTermsDays(),
                figures.annualFinancingRate(), figures.financingCost(), figures.policy());

        // In the order the tables depend on each other: the priority table reads the delay, which
        // needs the channel and the payment rows, so a missing channel row is named as such.
        requireDecided(channel, "canal recommandé", "recommended channel",
                "resolution.xlsx, feuilles Échelles et Justifications", "resolution.xlsx, sheets Échelles and Justifications");
        requireDecided(impact.policy(), "politique de paiement, délai de la voie, taux de financement ou délai de paiement par défaut",
                "payment policy, channel duration, financing rate or default terms",
                "resolution.xlsx, feuilles Politique de paiement, Canaux et Financement",
                "resolution.xlsx, sheets Politique de paiement, Canaux and Financement");
        requireDecided(department, "service", "department", "routing.xlsx, feuille Services", "routing.xlsx, sheet Services");
        requireDecided(priority, "priorité", "priority", "routing.xlsx, feuille Priorité", "routing.xlsx, sheet Priorité");
        return new Decision(UUID.randomUUID().toString(), complaint.complaintId(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                new Decision.RulesetRef(ruleset.version(), ruleset.hash()), classification, routing, resolution, impact,
                journal.trace(), journal.traceTruncated(), journal.firedCount());
    }

    /**
     * A decision never carries a null code: a table with no row for this complaint is the
     * ruleset's fault, reported as such (and caught by the scenarios before a reload goes live)
     * instead of a half-decision a CRM cannot route.
     */
    private static void requireDecided(Object code, String whatFr, String what, String whereFr, String where) {
        if (code == null) {
            throw new DecisionFailedException("les tables n'ont rien décidé pour « " + whatFr + " » dans cette réclamation : ajoutez une ligne "
                    + "qui la couvre (" + whereFr + " ; une dernière ligne aux conditions vides couvre tous les cas restants)",
                    "the tables decided no " + what + " for this complaint: add a row that covers it ("
                    + where + "; a last row with empty conditions covers every remaining case)", null);
        }
    }

    /**
     * The answers the rules left in the session, found by the one query of
     * fr/litiges/decision/results.drl and sorted by kind, each kind in the order the rules inserted
     * them (the order of their fact handles), so that lists such as the actions keep the tables' order.
     */
    private static final class Answers {
        final List<RankedCauses> ranked = new ArrayList<>(1);
        final List<ChannelRecommendation> recommended = new ArrayList<>(1);
        final List<ChannelStep> steps = new ArrayList<>(4);
        final List<ChannelRationale> rationales = new ArrayList<>(2);
        final List<NamedChannel> named = new ArrayList<>(2);
        final List<ChannelName> names = new ArrayList<>(4);
        final List<ChannelDuration> durations = new ArrayList<>(4);
        final List<PaymentImpactCalculator.Figures> figures = new ArrayList<>(1);
        final List<RoutingOutcome> routing = new ArrayList<>(8);
        final List<ChosenPaymentPolicy> policies = new ArrayList<>(1);
        final List<FinancingRate> rates = new ArrayList<>(1);
        final List<DefaultPaymentTerms> terms = new ArrayList<>(1);

        static Answers of(KieSession session) {
            Answers answers = new Answers();
            for (Object answer : QueryAnswers.inInsertionOrder(session, "decision answers", "$answer")) {
                answers.add(answer);
            }
            return answers;
        }

        private void add(Object answer) {
            if (answer instanceof RoutingOutcome o) {
                routing.add(o);
            } else if (answer instanceof ChannelStep s) {
                steps.add(s);
            } else if (answer instanceof ChannelRationale r) {
                rationales.add(r);
            } else if (answer instanceof ChannelName n) {
                names.add(n);
            } else if (answer instanceof NamedChannel n) {
                named.add(n);
            } else if (answer instanceof ChannelDuration d) {
                durations.add(d);
            } else if (answer instanceof RankedCauses r) {
                ranked.add(r);
            } else if (answer instanceof ChannelRecommendation r) {
                recommended.add(r);
            } else if (answer instanceof PaymentImpactCalculator.Figures f) {
                figures.add(f);
            } else if (answer instanceof ChosenPaymentPolicy p) {
                policies.add(p);
            } else if (answer instanceof FinancingRate r) {
                rates.add(r);
            } else if (answer instanceof DefaultPaymentTerms t) {
                terms.add(t);
            }
        }

        /** The rationales of the recommended channel, per language. */
        List<ChannelRationale> rationales() {
            List<ChannelRationale> found = new ArrayList<>(rationales.size());
            for (ChannelRecommendation recommendation : recommended) {
                for (ChannelRationale rationale : rationales) {
                    if (rationale.getChannel().equals(recommendation.getChannel())) {
                        found.add(rationale);
                    }
                }
            }
            return found;
        }

        /** The names of the channels the rationale may mention. */
        List<ChannelName> channelNames() {
            List<ChannelName> found = new ArrayList<>(names.size());
            for (ChannelName name : names) {
                for (NamedChannel channel : named) {
                    if (channel.getChannel().equals(name.getChannel())) {
                        found.add(name);
                    }
                }
            }
            return found;
        }

        /** The recommended channel's expected duration, for the rationale's {jours}. */
        List<ChannelDuration> recommendedDuration() {
            List<ChannelDuration> found = new ArrayList<>(1);
            for (ChannelStep step : steps) {
                if (step.getPosition() == 0) {
                    for (ChannelDuration duration : durations) {
                        if (duration.getChannel().equals(step.getChannel())) {
                            found.add(duration);
                        }
                    }
                }
            }
            return found;
        }
    }
}
