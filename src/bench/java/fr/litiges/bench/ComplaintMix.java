package fr.litiges.bench;

import fr.litiges.decision.api.Codes.AttemptOutcome;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Codes.ReasonCode;
import fr.litiges.decision.api.Complaint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible mix of complaints as a CRM sends them at night: French and English text of 50
 * to 2,000 characters (greetings, the grievance, order numbers, signatures), 1 to 5 invoices,
 * sometimes order and delivery data, reason codes and earlier attempts.
 */
public final class ComplaintMix {
    private static final String[] GRIEVANCES = {
        "nous avons été facturés deux fois pour la même commande",
        "le prix facturé n'est pas le prix convenu dans le devis",
        "vous nous avez facturé avant la livraison, la marchandise n'est toujours pas arrivée",
        "livraison incomplète, il manque 3 cartons sur 10",
        "ce n'est pas ce que nous avons commandé, mauvaise référence livrée",
        "les pièces sont arrivées cassées et la machine ne fonctionne pas",
        "la prestation est insatisfaisante, travail mal fait par votre technicien",
        "nous traversons des difficultés de trésorerie et demandons un échéancier",
        "we were charged twice for the same order",
        "the unit price is higher than the agreed price in your quote",
        "we were invoiced before delivery, the goods are not yet delivered",
        "short shipment: only 12 of the 20 monitors arrived",
        "wrong item received, this is not what we ordered",
        "the pump stopped working after two days, it is defective",
        "poor service, your team left the job unfinished",
        "we are going through a tight cash period and need more time to pay",
        "merci de rappeler le client au sujet de son dossier",
        "please call the customer back about the last invoice",
    };
    private static final String[] FILLER = {
        "Bonjour,", "Madame, Monsieur,", "Hello team,", "Dear Sir or Madam,",
        "Suite à notre échange téléphonique de ce matin, je reviens vers vous.",
        "Following our call this morning, I am writing to you again.",
        "Vous trouverez ci-joint le bon de livraison et la facture concernés.",
        "Please find attached the delivery note and the invoice in question.",
        "Notre service comptable bloque le règlement en attendant votre réponse.",
        "Our accounts payable team is holding the payment until we hear from you.",
        "Merci de nous tenir informés dans les meilleurs délais.",
        "Thanks for looking into this as soon as possible.",
        "Cordialement, Jean Dupont, responsable des achats, Dupont Industrie SAS",
        "Best regards, Mary Smith, Procurement Manager, Northgate Logistics Ltd",
        "Référence client K-4411, commande PO-7781 du 12 septembre.",
        "Customer reference K-4411, purchase order PO-7781 of 12 September.",
    };

    private ComplaintMix() {
    }

    public static List<Complaint> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Complaint> complaints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            complaints.add(complaint(i, random));
        }
        return complaints;
    }

    private static Complaint complaint(int index, Random random) {
        LocalDate receivedOn = LocalDate.of(2026, 11, 20).minusDays(random.nextInt(60));
        int invoiceCount = 1 + random.nextInt(5);
        List<Complaint.Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < invoiceCount; i++) {
            LocalDate issued = receivedOn.minusDays(10 + random.nextInt(80));
            int terms = random.nextBoolean() ? 30 : 60;
            InvoiceStatus status = random.nextInt(10) == 0 ? InvoiceStatus.OVERDUE : random.nextInt(10) == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN;
            BigDecimal amount = BigDecimal.valueOf(200 + random.nextInt(30_000)).setScale(2);
            invoices.add(new Complaint.Invoice("F-" + index + "-" + i, issued, issued.plusDays(terms), amount, "EUR", "PO-" + index,
                    terms, status, List.of(new Complaint.InvoiceLine("A" + i, BigDecimal.valueOf(10), amount.divide(BigDecimal.TEN)))));
        }
        Complaint.Order order = null;
        List<Complaint.Delivery> deliveries = List.of();
        if (random.nextInt(4) == 0) {
            order = new Complaint.Order("PO-" + index, receivedOn.minusDays(90),
                    List.of(new Complaint.OrderLine("A0", BigDecimal.valueOf(10), invoices.get(0).amount().divide(BigDecimal.TEN))));
            deliveries = List.of(new Complaint.Delivery("BL-" + index, receivedOn.minusDays(85), random.nextInt(5) != 0,
                    List.of(new Complaint.DeliveryLine("A0", BigDecimal.valueOf(random.nextInt(3) == 0 ? 6 : 10)))));
        }
        List<ReasonCode> reasons = random.nextInt(3) == 0
                ? List.of(ReasonCode.values()[random.nextInt(ReasonCode.values().length)]) : List.of();
        List<Complaint.ResolutionAttempt> attempts = random.nextInt(3) == 0
                ? List.of(new Complaint.ResolutionAttempt(Channel.AMICABLE_SETTLEMENT, receivedOn.minusDays(20),
                random.nextBoolean() ? AttemptOutcome.FAILED : AttemptOutcome.ONGOING)) : List.of();
        CustomerType type = random.nextInt(5) == 0 ? CustomerType.CONSUMER : CustomerType.BUSINESS;
        Complaint.Customer customer = new Complaint.Customer("K-" + index, type, random.nextInt(20), null, random.nextInt(6) == 0,
                random.nextInt(4), random.nextInt(4) == 0);
        return new Complaint("BENCH-" + index, receivedOn, text(random), reasons, customer, invoices, order, deliveries, null, attempts);
    }

    private static String text(Random random) {
        int target = 50 + random.nextInt(1_951);
        StringBuilder text = new StringBuilder(FILLER[random.nextInt(4)]).append(' ');
        text.append(capitalise(GRIEVANCES[random.nextInt(GRIEVANCES.length)])).append(". ");
        while (text.length() < target) {
            String next = random.nextInt(4) == 0 ? capitalise(GRIEVANCES[random.nextInt(GRIEVANCES.length)]) + "." : FILLER[4 + random.nextInt(FILLER.length - 4)];
            text.append(next).append(' ');
        }
        return text.length() > target ? text.substring(0, target) : text.toString();
    }

    private static String capitalise(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
