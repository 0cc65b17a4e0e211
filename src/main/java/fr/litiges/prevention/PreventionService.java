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
import fr.litiges.prevention.facts.ChosenTier;
import fr.litiges.prevention.facts.ClosedDay;
import fr.litiges.prevention.facts.DefaultTerms;
import fr.litiges.prevention.facts.DunningHold;
import fr.litiges.prevention.facts.LikelyDispute;
import fr.litiges.prevention.facts.PlanSentence;
import fr.litiges.prevention.facts.PlanSkipped;
import fr.litiges.prevention.facts.PlanSummary;
import fr.litiges.prevention.facts.PreventionCase;
import fr.litiges.prevention.facts.ReminderAnswer;
import fr.litiges.prevention.facts.ReminderRequest;
import fr.litiges.prevention.facts.RiskProfile;
import fr.litiges.prevention.facts.TierReminders;
import fr.litiges.prevention.facts.UndatedInvoice;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.QueryAnswers;
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
 * Plans the preventive reminders of one customer's portfolio in one rule session. The tables
 * decide in steps (default terms, scope, data findings, routing and tier, reminders, calendar,
 * rationale): Java inserts each step's questions, the rows insert immutable answers
 * (fr.litiges.prevention.facts) and Java reads them back with the queries of
 * fr/litiges/prevention/results.drl. Between steps Java does what is not policy: ranking findings,
 * subtracting days from a due date, walking back over closed days, merging and sorting reminders.
 */
@Service
public class PreventionService {
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
        int size = request.invoices().size();
        // The first plan on a ruleset is only held to the firing cap; later ones to the time budget too.
        long deadline = warm.put(ruleset, Boolean.TRUE) == null ? Long.MAX_VALUE / 2 + System.nanoTime()
                : System.nanoTime() + timeBudgetNanosPerInvoice * size;
        PreventionJournal journal = new PreventionJournal(ruleset.sourceMap(), deadline, size);
        long maxFired = (long) maxRulesFiredPerInvoice * size;
        // A session from the ruleset's pool, as decisions use: given back emptied, or dropped if the plan failed.
        KieSession session = ruleset.sessions().borrow();
        boolean failed = false;
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) journal);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) journal);
            Asker ask = new Asker(session, journal, maxFired);
            LocalDate asOf = request.asOf();
            Set<String> disputed = new HashSet<>(request.openDisputes());

            // Step 0: an invoice that gives neither a due date nor terms falls due after the default-terms table's days.
            Portfolio portfolio = Portfolio.of(request, defaultTerms(ask, request.invoices()));

            // Step 1: is the invoice for prevention at all? The first matching scope row decides, question by question.
            for (int i = 0; i < size; i++) {
                Invoice invoice = portfolio.invoices.get(i);
                ask.one(i, new PreventionCase(invoice.getNumber(), invoice.getStatus(),
                        ChronoUnit.DAYS.between(asOf, invoice.getDueOn()), disputed.contains(invoice.getNumber())));
            }
            Map<String, PlanStatus> skipped = new HashMap<>();
            for (PlanSkipped skip : ask.<PlanSkipped>answers("prevention skips", "$skip")) {
                skipped.putIfAbsent(skip.getInvoice(), skip.getStatus());
            }
            Set<String> held = new HashSet<>();
            for (DunningHold hold : ask.<DunningHold>answers("prevention dunning holds", "$hold")) {
                if (hold.isHold()) {
                    held.add(hold.getInvoice());
                }
            }

            // Step 2: the data rules, each invoice in scope with its order and that order's deliveries.
            for (int i = 0; i < size; i++) {
                if (!skipped.containsKey(portfolio.invoices.get(i).getNumber())) {
                    session.insert(journal.own(i, portfolio.scopeOf(i)));
                }
            }
            ask.fire();

            // Step 3: likely disputes ranked; the routing table gives each one's department and actions; the tier.
            List<List<CauseFound>> likely = new ArrayList<>(size);
            List<List<LikelyDispute>> disputes = new ArrayList<>(size);
            List<Set<String>> actions = new ArrayList<>(size);
            List<RiskProfile> profiles = new ArrayList<>(size);
            Complaint.Customer customer = request.customer();
            // The precedence table answers once per sub-cause found in the portfolio (causes.xlsx "Préséance"):
            // its stage waits for the decision's arbitrage, so a plan gives it the focus itself.
            session.getAgenda().getAgendaGroup("preseance").setFocus();
            ask.fire();
            List<Object> precedences = new ArrayList<>(session.getObjects(
                    object -> object instanceof fr.litiges.decision.facts.CausePrecedence));
            for (int i = 0; i < size; i++) {
                Invoice invoice = portfolio.invoices.get(i);
                if (skipped.containsKey(invoice.getNumber())) {
                    likely.add(List.of());
                    disputes.add(List.of());
                    actions.add(Set.of());
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
                List<LikelyDispute> asked = new ArrayList<>();
                Set<String> todo = new LinkedHashSet<>();
                for (CauseFound cause : found) {
                    // One likely dispute at a time: the first matching row of "Services" routes this one.
                    ask.one(i, new Classification(cause.cause().name(), cause.subCause().name(), cause.confidence().name()));
                    String department = null;
                    for (RoutingOutcome outcome : ask.<RoutingOutcome>taken("prevention routing outcomes", "$outcome")) {
                        if (outcome.getKind() == RoutingOutcome.Kind.DEPARTMENT) {
                            department = outcome.getCode();
                        } else if (outcome.getKind() == RoutingOutcome.Kind.ACTION) {
                            todo.add(outcome.getCode());
                        }
                    }
                    asked.add(journal.own(i, new LikelyDispute(invoice.getNumber(), cause.cause().name(), cause.subCause().name(), department)));
                }
                disputes.add(asked);
                actions.add(todo);
                RiskProfile profile = new RiskProfile(invoice.getNumber(), invoice.getAmount(), found.size(),
                        customer.type().name(), Boolean.TRUE.equals(customer.strategic()), orZero(customer.previousDisputes12m()),
                        orZero(customer.relationshipYears()));
                profiles.add(profile);
                ask.one(i, profile);
            }
            Map<String, RiskTier> tiers = new HashMap<>();
            for (ChosenTier chosen : ask.<ChosenTier>answers("prevention tiers", "$tier")) {
                tiers.putIfAbsent(chosen.getInvoice(), chosen.getTier());
            }
            for (RiskProfile profile : profiles) {
                if (profile != null && !tiers.containsKey(profile.getInvoice())) {
                    throw new DecisionFailedException("la table des niveaux de risque n'a pas de ligne pour la facture " + profile.getInvoice()
                            + " : ajoutez une ligne qui la couvre (prevention.xlsx, feuille Niveau de risque ; une dernière ligne "
                            + "aux conditions vides couvre tous les cas restants)",
                            "the risk tier table has no row for invoice " + profile.getInvoice() + ": add a row that covers it "
                            + "(prevention.xlsx, sheet Niveau de risque; a last row with empty conditions covers every remaining case)", null);
                }
            }

            // Step 4: the reminders each likely dispute and each tier asks for (every matching row is one reminder).
            List<List<ReminderRequest>> requests = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                List<ReminderRequest> asked = new ArrayList<>(disputes.get(i));
                if (profiles.get(i) != null) {
                    asked.add(journal.own(i, new TierReminders(portfolio.invoices.get(i).getNumber(),
                            tiers.get(profiles.get(i).getInvoice()).name())));
                }
                asked.forEach(session::insert);
                requests.add(asked);
            }
            ask.fire();
            Map<ReminderRequest, Map<String, AskedReminder>> rows = AskedReminder.byRequestAndRow(
                    ask.<ReminderAnswer>answers("prevention reminder answers", "$answer"));

            // Step 5: dates. A reminder on a closed day moves to the working day before, never before asOf.
            List<List<Pending>> reminders = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                List<Pending> planned = new ArrayList<>();
                LocalDate dueOn = portfolio.invoices.get(i).getDueOn();
                for (ReminderRequest asked : requests.get(i)) {
                    LikelyDispute dispute = asked instanceof LikelyDispute d ? d : null;
                    for (AskedReminder line : rows.getOrDefault(asked, Map.of()).values()) {
                        LocalDate on = line.daysBeforeDue() == null ? asOf : dueOn.minusDays(line.daysBeforeDue());
                        Department owner = line.owner() != null ? line.owner() : ownerOfCause(dispute, line);
                        planned.add(new Pending(line, owner, on.isAfter(asOf) ? on : asOf));
                    }
                }
                reminders.add(planned);
            }
            walkBackOverClosedDays(ask, journal, reminders, asOf);

            // Step 6: the sentence of each plan, the first matching row of "Justifications".
            List<PreventionResponse.Plan> plans = new ArrayList<>(size);
            List<PlanSummary> summaries = new ArrayList<>(size);
            List<List<PreventionResponse.Reminder>> merged = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Invoice invoice = portfolio.invoices.get(i);
                List<PreventionResponse.Reminder> sorted = merge(reminders.get(i));
                merged.add(sorted);
                PlanStatus status = skipped.containsKey(invoice.getNumber()) ? skipped.get(invoice.getNumber())
                        : sorted.isEmpty() ? PlanStatus.NO_REMINDER : PlanStatus.SCHEDULED;
                RiskTier tier = profiles.get(i) == null ? null : tiers.get(invoice.getNumber());
                PlanSummary summary = new PlanSummary(invoice.getNumber(), status.name(), tier == null ? null : tier.name(),
                        !likely.get(i).isEmpty());
                summaries.add(summary);
                ask.one(i, summary);
            }
            Map<PlanSummary, Map<String, String>> sentences = new java.util.IdentityHashMap<>();
            for (PlanSentence sentence : ask.<PlanSentence>answers("prevention sentences", "$sentence")) {
                if (!sentence.getTemplate().isEmpty()) {
                    sentences.computeIfAbsent(sentence.getSummary(), k -> new HashMap<>()).putIfAbsent(sentence.getLanguage(), sentence.getTemplate());
                }
            }
            for (int i = 0; i < size; i++) {
                Invoice invoice = portfolio.invoices.get(i);
                PlanSummary summary = summaries.get(i);
                PlanStatus status = PlanStatus.valueOf(summary.getStatus());
                RiskTier tier = summary.getTier() == null ? null : RiskTier.valueOf(summary.getTier());
                List<PreventionResponse.LikelyDispute> found = likely.get(i).stream()
                        .map(c -> new PreventionResponse.LikelyDispute(c.cause(), c.subCause(), c.evidence()))
                        .toList();
                String rationale = PlanRationale.of(sentences.getOrDefault(summary, Map.of()), language, invoice, tier, found, merged.get(i));
                plans.add(new PreventionResponse.Plan(invoice.getNumber(), status, tier, found, merged.get(i), List.copyOf(actions.get(i)),
                        held.contains(invoice.getNumber()), rationale, journal.trace(i)));
            }
            return new PreventionResponse(asOf, new Decision.RulesetRef(ruleset.version(), ruleset.hash()), plans);
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        } finally {
            session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) journal);
            session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) journal);
            ruleset.sessions().release(session, failed);
        }
    }

    /**
     * The payment terms of each invoice that gives neither a due date nor terms, by its position in
     * the portfolio: asked of the default-terms table one invoice at a time (its first matching row decides).
     * An invoice the table has no row for stops the plan, naming the sheet and the currency.
     */
    private static Map<Integer, Integer> defaultTerms(Asker ask, List<Complaint.Invoice> invoices) {
        Map<Integer, Complaint.Invoice> undated = new java.util.LinkedHashMap<>();
        for (int i = 0; i < invoices.size(); i++) {
            Complaint.Invoice invoice = invoices.get(i);
            if (invoice.dueOn() == null && invoice.paymentTermsDays() == null) {
                undated.put(i, invoice);
                ask.one(i, new UndatedInvoice(invoice.number(), invoice.currency()));
            }
        }
        if (undated.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> days = new HashMap<>();
        for (DefaultTerms terms : ask.<DefaultTerms>answers("prevention default terms", "$terms")) {
            days.putIfAbsent(terms.getInvoice(), terms.getDays());
        }
        Map<Integer, Integer> byPosition = new HashMap<>();
        for (Map.Entry<Integer, Complaint.Invoice> entry : undated.entrySet()) {
            Complaint.Invoice invoice = entry.getValue();
            Integer terms = days.get(invoice.number());
            if (terms == null) {
                throw new DecisionFailedException("la table des délais de paiement par défaut n'a pas de ligne pour la devise « "
                        + invoice.currency() + " » de la facture " + invoice.number() + ", qui ne donne ni échéance ni délai de paiement : "
                        + "ajoutez-en une (prevention.xlsx, feuille Délai de paiement ; une dernière ligne « * » couvre toute autre devise)",
                        "the default payment terms table has no row for currency " + invoice.currency() + " of invoice " + invoice.number()
                        + ", which gives neither a due date nor payment terms: add one (prevention.xlsx, sheet Délai de paiement; "
                        + "a last row '*' covers any other currency)", null);
            }
            byPosition.put(entry.getKey(), terms);
        }
        return byPosition;
    }

    /** A likely dispute's reminder without its own owner goes to the department the routing table gives its cause. */
    private static Department ownerOfCause(LikelyDispute dispute, AskedReminder line) {
        if (dispute == null) {
            throw new DecisionFailedException("la ligne " + line.row() + " de la table des relances par niveau n'a pas de responsable : "
                    + "remplissez la colonne Responsable (prevention.xlsx, feuille Relances par niveau)",
                    "row " + line.row() + " of the tier reminders table has no owner: fill its Responsable column "
                    + "(prevention.xlsx, sheet Relances par niveau)", null);
        }
        if (dispute.getDepartment() == null) {
            throw new DecisionFailedException("la table des services n'a pas de ligne pour la cause " + dispute.getCause()
                    + " du litige probable de la facture " + dispute.getInvoice() + " : ajoutez-la (routing.xlsx, feuille Services), "
                    + "ou donnez un responsable à la relance (prevention.xlsx, feuille Litiges probables)",
                    "the department table has no row for cause " + dispute.getCause() + " of the likely dispute on invoice "
                    + dispute.getInvoice() + ": add one (routing.xlsx, sheet Services), or give the reminder an owner "
                    + "(prevention.xlsx, sheet Litiges probables)", null);
        }
        return Department.valueOf(dispute.getDepartment());
    }

    /** One reminder per day and channel (the first asked wins: a likely dispute's before a tier's), sorted by date. */
    private static List<PreventionResponse.Reminder> merge(List<Pending> pending) {
        Map<String, PreventionResponse.Reminder> merged = new java.util.LinkedHashMap<>();
        for (Pending reminder : pending) {
            merged.putIfAbsent(reminder.on + "/" + reminder.line.channel(), new PreventionResponse.Reminder(reminder.on,
                    reminder.line.channel(), reminder.line.template(), reminder.owner));
        }
        List<PreventionResponse.Reminder> reminders = new ArrayList<>(merged.values());
        reminders.sort(Comparator.comparing(PreventionResponse.Reminder::on));
        return reminders;
    }

    /** A reminder being dated. */
    private static final class Pending {
        final AskedReminder line;
        final Department owner;
        LocalDate on;
        boolean settled;

        Pending(AskedReminder line, Department owner, LocalDate on) {
            this.line = line;
            this.owner = owner;
            this.on = on;
        }
    }

    /**
     * Asks the calendar table about every day a reminder would fall on, one day at a time (its first
     * matching row decides), and moves each reminder on a closed day to the day before, until every
     * one is on a working day or on asOf (a day before asOf becomes asOf).
     */
    private void walkBackOverClosedDays(Asker ask, PreventionJournal journal, List<List<Pending>> reminders, LocalDate asOf) {
        List<Map<LocalDate, CalendarDay>> asked = new ArrayList<>(reminders.size());
        for (int i = 0; i < reminders.size(); i++) {
            asked.add(new HashMap<>());
        }
        Set<CalendarDay> closed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
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
                    asked.get(i).computeIfAbsent(reminder.on, day -> ask.one(plan, new CalendarDay(day)));
                }
            }
            if (!pending) {
                return;
            }
            for (ClosedDay day : ask.<ClosedDay>answers("prevention closed days", "$closed")) {
                closed.add(day.getDay());
            }
            for (int i = 0; i < reminders.size(); i++) {
                for (Pending reminder : reminders.get(i)) {
                    if (reminder.settled) {
                        continue;
                    }
                    if (closed.contains(asked.get(i).get(reminder.on))) {
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

    /**
     * Puts questions to the session and reads the tables' answers back with the queries of
     * fr/litiges/prevention/results.drl. A portfolio holds many questions of one kind, and a table
     * whose first matching row decides is one activation group: so such questions are asked one at
     * a time, each fired before the next is inserted, and the group holds that one question's rows.
     */
    private final class Asker {
        private final KieSession session;
        private final PreventionJournal journal;
        private final long maxFired;

        Asker(KieSession session, PreventionJournal journal, long maxFired) {
            this.session = session;
            this.journal = journal;
            this.maxFired = maxFired;
        }

        /** Inserts one plan's question and lets the rules answer it. */
        <T> T one(int plan, T question) {
            session.insert(journal.own(plan, question));
            fire();
            return question;
        }

        void fire() {
            PreventionService.this.fire(session, journal, maxFired);
        }

        /** What a query finds, in the order the rules inserted it (the order of the fact handles), so rows keep the table's order. */
        <T> List<T> answers(String query, String variable) {
            return QueryAnswers.inInsertionOrder(session, query, variable);
        }

        /**
         * The same, taking the answers out of the session once read: the routing table answers a
         * portfolio's likely disputes one after the other with facts that do not say which one
         * they answer, so each is read, then removed, before the next is asked.
         */
        <T> List<T> taken(String query, String variable) {
            return QueryAnswers.take(session, query, variable);
        }
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

        /** @param defaultTerms the default-terms table's days for each invoice, by position, that gives neither due date nor terms */
        static Portfolio of(PreventionRequest request, Map<Integer, Integer> defaultTerms) {
            Portfolio p = new Portfolio();
            for (int i = 0; i < request.invoices().size(); i++) {
                Complaint.Invoice in = request.invoices().get(i);
                LocalDate dueOn = in.dueOn() != null ? in.dueOn()
                        : in.issuedOn().plusDays(in.paymentTermsDays() != null ? in.paymentTermsDays() : defaultTerms.get(i));
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
