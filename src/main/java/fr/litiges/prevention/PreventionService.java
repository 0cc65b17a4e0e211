package fr.litiges.prevention;

import fr.litiges.decision.CauseRanking;
import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.api.Codes.Department;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.decision.api.Decision.CauseFound;
import fr.litiges.decision.facts.Classification;
import fr.litiges.decision.facts.DataScope;
import fr.litiges.decision.facts.Delivery;
import fr.litiges.decision.facts.DeliveryLine;
import fr.litiges.decision.facts.Invoice;
import fr.litiges.decision.facts.InvoiceLine;
import fr.litiges.decision.facts.OrderLine;
import fr.litiges.decision.facts.PurchaseOrder;
import fr.litiges.decision.facts.RoutingOutcome;
import fr.litiges.prevention.api.PreventionCodes.PlanStatus;
import fr.litiges.prevention.api.PreventionCodes.ReminderChannel;
import fr.litiges.prevention.api.PreventionCodes.RiskTier;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse;
import fr.litiges.prevention.facts.CalendarDay;
import fr.litiges.prevention.facts.LikelyDispute;
import fr.litiges.prevention.facts.PlanSummary;
import fr.litiges.prevention.facts.PreventionCase;
import fr.litiges.prevention.facts.ReminderLine;
import fr.litiges.prevention.facts.ReminderRequest;
import fr.litiges.prevention.facts.RiskProfile;
import fr.litiges.prevention.facts.TierReminders;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Service;

/**
 * Plans the preventive reminders of one customer's portfolio in one rule session. The rules
 * decide in stages (scope, data findings, tier and routing, reminders, calendar, rationale);
 * between stages Java does what is not policy: ranking findings, subtracting days from a due
 * date, walking back over closed days, merging and sorting reminders.
 */
@Service
public class PreventionService {
    /** Terms that apply when an invoice gives none: 30 days, the French legal default (as for complaints). */
    private static final int LEGAL_DEFAULT_TERMS_DAYS = 30;
    /** A calendar closed for more than a year in a row is a table mistake, not a holiday. */
    private static final int MAX_CLOSED_DAYS_IN_A_ROW = 366;

    private final ActiveRuleset rulesets;
    private final int maxRulesFiredPerInvoice;
    private final long timeBudgetNanosPerInvoice;
    /** Rulesets that planned once: the first plan on a ruleset compiles its conditions, which may take seconds. */
    private final Map<Ruleset, Boolean> warm = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public PreventionService(ActiveRuleset rulesets, DecisionProperties limits) {
        this.rulesets = rulesets;
        this.maxRulesFiredPerInvoice = limits.maxRulesFired();
        this.timeBudgetNanosPerInvoice = limits.timeBudget().toNanos();
    }

    /** The ruleset a whole batch should run on, read once so a reload never splits a batch. */
    public Ruleset activeRuleset() {
        return rulesets.current();
    }

    public PreventionResponse plan(PreventionRequest request, String language) {
        return plan(rulesets.current(), request, language);
    }

    /** The checks the field annotations cannot make; the same for one portfolio and a batch item. */
    public static void checkPlannable(PreventionRequest request) {
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < request.invoices().size(); i++) {
            Complaint.Invoice invoice = request.invoices().get(i);
            if (!numbers.add(invoice.number())) {
                throw new InvalidPortfolioException("invoices[" + i + "].number", "invoice number '" + invoice.number()
                        + "' appears twice in the portfolio");
            }
            if (invoice.dueOn() == null && invoice.issuedOn() == null) {
                throw new InvalidPortfolioException("invoices[" + i + "].dueOn", "is required when issuedOn is absent: a reminder is dated from the due date");
            }
        }
    }

    public PreventionResponse plan(Ruleset ruleset, PreventionRequest request, String language) {
        checkPlannable(request);
        Portfolio portfolio = Portfolio.of(request);
        int size = portfolio.invoices.size();
        // The first plan on a ruleset is only held to the firing cap; later ones to the time budget too.
        long deadline = warm.put(ruleset, Boolean.TRUE) == null ? Long.MAX_VALUE / 2 + System.nanoTime()
                : System.nanoTime() + timeBudgetNanosPerInvoice * size;
        PreventionJournal journal = new PreventionJournal(ruleset.sourceMap(), deadline, size);
        long maxFired = (long) maxRulesFiredPerInvoice * size;
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) journal);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) journal);
            LocalDate asOf = request.asOf();
            Set<String> disputed = new HashSet<>(request.openDisputes());

            // Stage 1: is the invoice for prevention at all?
            List<PreventionCase> cases = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Invoice invoice = portfolio.invoices.get(i);
                PreventionCase question = journal.own(i, new PreventionCase(invoice.getNumber(), invoice.getStatus(),
                        ChronoUnit.DAYS.between(asOf, invoice.getDueOn()), disputed.contains(invoice.getNumber())));
                cases.add(question);
                session.insert(question);
            }
            fire(session, journal, maxFired);

            // Stage 2: the data rules, each invoice in scope with its order and that order's deliveries.
            PlanSummary[] summaries = new PlanSummary[size];
            for (int i = 0; i < size; i++) {
                PreventionCase question = cases.get(i);
                if (question.skippedAs() != null) {
                    summaries[i] = journal.own(i, new PlanSummary(question.skippedAs().name(), null, false));
                    session.insert(summaries[i]);
                } else {
                    session.insert(journal.own(i, portfolio.scopeOf(i)));
                }
            }
            fire(session, journal, maxFired);

            // Stage 3: likely disputes ranked; the routing table gives each one's department and actions; the tier.
            List<List<CauseFound>> likely = new ArrayList<>(size);
            Map<Integer, List<Classification>> classifications = new HashMap<>();
            List<RiskProfile> profiles = new ArrayList<>(size);
            Complaint.Customer customer = request.customer();
            // The precedence table answers once per sub-cause found in the portfolio (causes.xlsx "Préséance"):
            // its stage waits for the decision's arbitrage, so a plan gives it the focus itself.
            session.getAgenda().getAgendaGroup("preseance").setFocus();
            fire(session, journal, maxFired);
            List<Object> precedences = new ArrayList<>(session.getObjects(
                    object -> object instanceof fr.litiges.decision.facts.CausePrecedence));
            for (int i = 0; i < size; i++) {
                if (cases.get(i).skippedAs() != null) {
                    likely.add(List.of());
                    profiles.add(null);
                    continue;
                }
                fr.litiges.decision.facts.RankedCauses ranked = CauseRanking.rank(journal.findings(i), precedences);
                if (!ranked.unranked().isEmpty()) {
                    throw new DecisionFailedException("la table de préséance n'a pas de ligne pour la sous-cause trouvée "
                            + String.join(", ", ranked.unranked()) + " : ajoutez-la avec son rang (causes.xlsx, feuille Préséance)",
                            "the precedence table has no row for the sub-cause found " + String.join(", ", ranked.unranked())
                            + ": add it with its rank (causes.xlsx, sheet Préséance)", null);
                }
                List<CauseFound> found = ranked.causes();
                likely.add(found);
                List<Classification> asked = new ArrayList<>();
                for (CauseFound cause : found) {
                    Classification classification = journal.own(i, new Classification(cause.cause().name(), cause.subCause().name(),
                            cause.confidence().name()));
                    asked.add(classification);
                    session.insert(classification);
                }
                classifications.put(i, asked);
                Invoice invoice = portfolio.invoices.get(i);
                RiskProfile profile = journal.own(i, new RiskProfile(invoice.getNumber(), invoice.getAmount(), found.size(),
                        customer.type().name(), Boolean.TRUE.equals(customer.strategic()), orZero(customer.previousDisputes12m()),
                        orZero(customer.relationshipYears())));
                profiles.add(profile);
                session.insert(profile);
            }
            fire(session, journal, maxFired);

            // Stage 4: the reminders each likely dispute and each tier asks for.
            List<List<ReminderRequest>> requests = new ArrayList<>(size);
            List<Set<String>> actions = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                List<ReminderRequest> asked = new ArrayList<>();
                Set<String> todo = new LinkedHashSet<>();
                if (profiles.get(i) != null) {
                    String number = portfolio.invoices.get(i).getNumber();
                    for (Classification classification : classifications.get(i)) {
                        String department = null;
                        for (RoutingOutcome outcome : journal.outcomesFor(classification)) {
                            if (outcome.getKind() == RoutingOutcome.Kind.DEPARTMENT && department == null) {
                                department = outcome.getCode();
                            } else if (outcome.getKind() == RoutingOutcome.Kind.ACTION) {
                                todo.add(outcome.getCode());
                            }
                        }
                        asked.add(journal.own(i, new LikelyDispute(number, classification.getPrimaryCause(), classification.getSubCause(), department)));
                    }
                    RiskTier tier = profiles.get(i).tier();
                    if (tier != null) {
                        asked.add(journal.own(i, new TierReminders(number, tier.name())));
                    }
                    asked.forEach(session::insert);
                }
                requests.add(asked);
                actions.add(todo);
            }
            fire(session, journal, maxFired);

            // Stage 5: dates. A reminder on a closed day moves to the working day before, never before asOf.
            List<List<Pending>> reminders = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                List<Pending> planned = new ArrayList<>();
                LocalDate dueOn = portfolio.invoices.get(i).getDueOn();
                for (ReminderRequest asked : requests.get(i)) {
                    String causeDepartment = asked instanceof LikelyDispute dispute ? dispute.getDepartment() : null;
                    for (ReminderLine line : asked.lines()) {
                        LocalDate on = line.daysBeforeDue() == null ? asOf : dueOn.minusDays(line.daysBeforeDue());
                        Department owner = line.owner() != null ? line.owner()
                                : causeDepartment != null ? Department.valueOf(causeDepartment) : null;
                        planned.add(new Pending(line, owner, on.isAfter(asOf) ? on : asOf));
                    }
                }
                reminders.add(planned);
                if (profiles.get(i) != null) {
                    RiskTier tier = profiles.get(i).tier();
                    summaries[i] = journal.own(i, new PlanSummary(planned.isEmpty() ? PlanStatus.NO_REMINDER.name() : PlanStatus.SCHEDULED.name(),
                            tier == null ? null : tier.name(), !likely.get(i).isEmpty()));
                    session.insert(summaries[i]);
                }
            }
            walkBackOverClosedDays(session, journal, maxFired, reminders, asOf);

            List<PreventionResponse.Plan> plans = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                plans.add(assemble(i, portfolio, cases.get(i), profiles.get(i), likely.get(i), reminders.get(i),
                        actions.get(i), summaries[i], journal, language));
            }
            return new PreventionResponse(asOf, new Decision.RulesetRef(ruleset.version(), ruleset.hash()), plans);
        } finally {
            session.dispose();
        }
    }

    /** A reminder being dated. */
    private static final class Pending {
        final ReminderLine line;
        final Department owner;
        LocalDate on;
        boolean settled;

        Pending(ReminderLine line, Department owner, LocalDate on) {
            this.line = line;
            this.owner = owner;
            this.on = on;
        }
    }

    /**
     * Asks the calendar table about every day a reminder would fall on, all plans at once, and
     * moves each reminder on a closed day to the day before, until every one is on a working day
     * or on asOf (a day before asOf becomes asOf).
     */
    private void walkBackOverClosedDays(KieSession session, PreventionJournal journal, long maxFired,
                                        List<List<Pending>> reminders, LocalDate asOf) {
        List<Map<LocalDate, CalendarDay>> asked = new ArrayList<>(reminders.size());
        for (int i = 0; i < reminders.size(); i++) {
            asked.add(new HashMap<>());
        }
        for (int round = 0; round <= MAX_CLOSED_DAYS_IN_A_ROW; round++) {
            boolean pending = false;
            for (int i = 0; i < reminders.size(); i++) {
                for (Pending reminder : reminders.get(i)) {
                    if (reminder.settled || !reminder.on.isAfter(asOf)) {
                        reminder.settled = true;
                        continue;
                    }
                    pending = true;
                    int plan = i;
                    asked.get(i).computeIfAbsent(reminder.on, day -> {
                        CalendarDay question = journal.own(plan, new CalendarDay(day));
                        session.insert(question);
                        return question;
                    });
                }
            }
            fire(session, journal, maxFired);
            if (!pending) {
                return;
            }
            for (int i = 0; i < reminders.size(); i++) {
                for (Pending reminder : reminders.get(i)) {
                    if (reminder.settled) {
                        continue;
                    }
                    if (asked.get(i).get(reminder.on).isClosed()) {
                        reminder.on = reminder.on.minusDays(1);
                    } else {
                        reminder.settled = true;
                    }
                }
            }
        }
        throw new DecisionFailedException("la table « Calendrier » ferme plus de " + MAX_CLOSED_DAYS_IN_A_ROW
                + " jours d'affilée : vérifiez ses lignes (une date en trop, une année entière ?)",
                "the calendar table closes more than " + MAX_CLOSED_DAYS_IN_A_ROW + " days in a row: check its rows", null);
    }

    private PreventionResponse.Plan assemble(int i, Portfolio portfolio, PreventionCase question, RiskProfile profile,
                                             List<CauseFound> likely, List<Pending> pending, Set<String> actions,
                                             PlanSummary summary, PreventionJournal journal, String language) {
        Invoice invoice = portfolio.invoices.get(i);
        List<PreventionResponse.LikelyDispute> disputes = likely.stream()
                .map(c -> new PreventionResponse.LikelyDispute(c.cause(), c.subCause(), c.evidence()))
                .toList();
        // One reminder per day and channel (the first asked wins: a likely dispute's before a tier's), sorted by date.
        Map<String, PreventionResponse.Reminder> merged = new java.util.LinkedHashMap<>();
        for (Pending reminder : pending) {
            merged.putIfAbsent(reminder.on + "/" + reminder.line.channel(), new PreventionResponse.Reminder(reminder.on,
                    reminder.line.channel(), reminder.line.template(), reminder.owner));
        }
        List<PreventionResponse.Reminder> reminders = new ArrayList<>(merged.values());
        reminders.sort(Comparator.comparing(PreventionResponse.Reminder::on));
        PlanStatus status = question.skippedAs() != null ? question.skippedAs()
                : reminders.isEmpty() ? PlanStatus.NO_REMINDER : PlanStatus.SCHEDULED;
        RiskTier tier = profile == null ? null : profile.tier();
        String rationale = PlanRationale.of(summary, language, invoice, tier, disputes, reminders);
        return new PreventionResponse.Plan(invoice.getNumber(), status, tier, disputes, reminders, List.copyOf(actions),
                question.holdsDunning(), rationale, journal.trace(i));
    }

    private void fire(KieSession session, PreventionJournal journal, long maxFired) {
        int budget = (int) Math.min(Integer.MAX_VALUE - 1, maxFired + 1 - journal.firedCount());
        int fired;
        try {
            fired = session.fireAllRules(budget);
        } catch (RuntimeException e) {
            throw new DecisionFailedException("une règle a échoué " + journal.describeFailureFrench(e),
                    "a rule failed: " + journal.describeFailure(e), e);
        }
        String fix = " ; vérifiez que ses actions ne recréent pas les conditions qui la déclenchent";
        if (journal.overBudget()) {
            throw new DecisionFailedException("les règles ont dépassé leur budget de calcul pour ce portefeuille ; une règle boucle "
                    + "sans doute : dernière règle déclenchée : " + journal.lastFiredFrench() + fix,
                    "the rules ran past their time budget for this portfolio; a rule probably loops: last fired "
                    + journal.lastFired(), null);
        }
        if (journal.firedCount() > maxFired || fired < 0) {
            throw new DecisionFailedException("les règles se sont déclenchées plus de " + maxFired + " fois pour ce portefeuille ; "
                    + "une règle boucle sans doute : dernière règle déclenchée : " + journal.lastFiredFrench() + fix,
                    "the rules fired more than " + maxFired + " times for this portfolio; a rule probably loops: last fired "
                    + journal.lastFired(), null);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The portfolio as facts, with each invoice's order and that order's deliveries at hand. */
    private static final class Portfolio {
        final List<Invoice> invoices = new ArrayList<>();
        final List<List<InvoiceLine>> invoiceLines = new ArrayList<>();
        final Map<String, List<Invoice>> invoicesByOrder = new HashMap<>();
        final Map<String, PurchaseOrder> orders = new HashMap<>();
        final Map<String, List<OrderLine>> orderLines = new HashMap<>();
        final Map<String, List<Delivery>> deliveries = new HashMap<>();
        final Map<String, List<DeliveryLine>> deliveryLines = new HashMap<>();

        static Portfolio of(PreventionRequest request) {
            Portfolio p = new Portfolio();
            for (Complaint.Invoice in : request.invoices()) {
                LocalDate dueOn = in.dueOn() != null ? in.dueOn()
                        : in.issuedOn().plusDays(in.paymentTermsDays() != null ? in.paymentTermsDays() : LEGAL_DEFAULT_TERMS_DAYS);
                Invoice invoice = new Invoice(in.number(), in.issuedOn(), dueOn, in.amount(), in.currency(), in.orderRef(),
                        in.paymentTermsDays(), in.status() == null ? InvoiceStatus.OPEN.name() : in.status().name());
                p.invoices.add(invoice);
                List<InvoiceLine> lines = new ArrayList<>();
                for (Complaint.InvoiceLine line : in.lines()) {
                    lines.add(new InvoiceLine(in.number(), line.sku(), line.quantity(), line.unitPrice()));
                }
                p.invoiceLines.add(lines);
                if (in.orderRef() != null) {
                    p.invoicesByOrder.computeIfAbsent(in.orderRef(), k -> new ArrayList<>()).add(invoice);
                }
            }
            for (Complaint.Order order : request.orders()) {
                if (p.orders.putIfAbsent(order.ref(), new PurchaseOrder(order.ref(), order.orderedOn())) != null) {
                    continue; // the first order of a reference counts, as an invoice finds "its" order
                }
                List<OrderLine> lines = new ArrayList<>();
                for (Complaint.OrderLine line : order.lines()) {
                    lines.add(new OrderLine(order.ref(), line.sku(), line.quantity(), line.agreedUnitPrice()));
                }
                p.orderLines.put(order.ref(), lines);
            }
            for (PreventionRequest.Delivery delivery : request.deliveries()) {
                if (delivery.orderRef() == null) {
                    continue; // a delivery of no known order can say nothing about an invoice
                }
                p.deliveries.computeIfAbsent(delivery.orderRef(), k -> new ArrayList<>())
                        .add(new Delivery(delivery.ref(), delivery.deliveredOn(), !Boolean.FALSE.equals(delivery.conforming())));
                List<DeliveryLine> lines = p.deliveryLines.computeIfAbsent(delivery.orderRef(), k -> new ArrayList<>());
                for (Complaint.DeliveryLine line : delivery.lines()) {
                    lines.add(new DeliveryLine(delivery.ref(), line.sku(), line.quantity()));
                }
            }
            return p;
        }

        DataScope scopeOf(int i) {
            Invoice invoice = invoices.get(i);
            String ref = invoice.getOrderRef();
            List<Invoice> peers = ref == null ? List.of(invoice) : invoicesByOrder.get(ref);
            PurchaseOrder order = ref == null ? null : orders.get(ref);
            return new DataScope(invoice.getNumber(), List.of(invoice), invoiceLines.get(i), peers, order,
                    order == null ? List.of() : orderLines.get(ref),
                    ref == null ? List.of() : deliveries.getOrDefault(ref, List.of()),
                    ref == null ? List.of() : deliveryLines.getOrDefault(ref, List.of()));
        }
    }
}
