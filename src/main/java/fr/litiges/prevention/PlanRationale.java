package fr.litiges.prevention;

import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.facts.Invoice;
import fr.litiges.prevention.api.PreventionCodes.RiskTier;
import fr.litiges.prevention.api.PreventionResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Fills the sentence an analyst wrote in the "Justifications" table with this plan's facts:
 * {invoice}, {dueOn}, {tier}, {disputes}, {firstReminder}. Names of the contract's fixed codes per
 * language are presentation, so they live here.
 */
final class PlanRationale {
    private static final Map<RiskTier, String> TIER_EN = Map.of(RiskTier.HIGH, "high", RiskTier.MEDIUM, "medium", RiskTier.LOW, "low");
    private static final Map<RiskTier, String> TIER_FR = Map.of(RiskTier.HIGH, "élevé", RiskTier.MEDIUM, "moyen", RiskTier.LOW, "faible");
    private static final Map<SubCause, String> DISPUTE_EN = Map.of(
            SubCause.DUPLICATE_INVOICE, "billed twice", SubCause.PRICE_DISAGREEMENT, "price above the agreed one",
            SubCause.INVOICED_BEFORE_DELIVERY, "billed before delivery", SubCause.INCOMPLETE_DELIVERY, "delivery short",
            SubCause.ORDER_MISMATCH, "delivery not as ordered");
    private static final Map<SubCause, String> DISPUTE_FR = Map.of(
            SubCause.DUPLICATE_INVOICE, "facturé deux fois", SubCause.PRICE_DISAGREEMENT, "prix au-dessus du prix convenu",
            SubCause.INVOICED_BEFORE_DELIVERY, "facturé avant livraison", SubCause.INCOMPLETE_DELIVERY, "livraison incomplète",
            SubCause.ORDER_MISMATCH, "livraison non conforme à la commande");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PlanRationale() {
    }

    /** @param sentences the rationale table's sentence of this plan by language ("en", "fr") */
    static String of(Map<String, String> sentences, String language, Invoice invoice, RiskTier tier,
                     List<PreventionResponse.LikelyDispute> disputes, List<PreventionResponse.Reminder> reminders) {
        boolean french = "fr".equals(language);
        String template = sentences.get(french ? "fr" : "en");
        if (template == null && french) {
            template = sentences.get("en");
            french = false;
        }
        if (template == null) {
            return french ? "Aucune justification ne correspond à ce plan : complétez la table des justifications."
                    : "No rationale matches this plan: complete the rationale table.";
        }
        boolean inFrench = french;
        String lang = inFrench ? "fr" : "en";
        String disputeText = String.join(", ", disputes.stream()
                .map(d -> (inFrench ? DISPUTE_FR : DISPUTE_EN).getOrDefault(d.subCause(), d.subCause().name()))
                .toList());
        String first = reminders.isEmpty() ? "" : date(reminders.get(0).on(), lang);
        String sentence = template
                .replace("{invoice}", invoice.getNumber())
                .replace("{dueOn}", invoice.getDueOn() == null ? "" : date(invoice.getDueOn(), lang))
                .replace("{tier}", tier == null ? "" : (french ? TIER_FR : TIER_EN).get(tier))
                .replace("{disputes}", disputeText)
                .replace("{firstReminder}", first);
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String date(java.time.LocalDate day, String language) {
        return "fr".equals(language) ? FRENCH_DATE.format(day) : day.toString();
    }
}
