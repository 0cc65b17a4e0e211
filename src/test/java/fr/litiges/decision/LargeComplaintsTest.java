package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Large but valid complaints: the rules' firings grow with the number of invoices and lines, never
 * with their pairs, so the firing cap (the guard against looping rules) is never reached by data;
 * the trace is capped and says so.
 */
class LargeComplaintsTest {
    private final DecisionService service = service(new DecisionProperties(5_000, Duration.ofSeconds(10), 500));

    private static DecisionService service(DecisionProperties properties) {
        return new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(), properties);
    }

    /** n unpaid monthly invoices of one subscription: same order, same amount. */
    static String monthlyInvoices(int n, int linesPerInvoice, String linePrice) {
        StringJoiner invoices = new StringJoiner(",");
        LocalDate issued = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < n; i++) {
            StringJoiner lines = new StringJoiner(",");
            for (int l = 0; l < linesPerInvoice; l++) {
                lines.add("{\"sku\": \"S" + l + "\", \"quantity\": 1, \"unitPrice\": " + linePrice + "}");
            }
            invoices.add("{\"number\": \"F-%04d\", \"issuedOn\": \"%s\", \"amount\": 99.00, \"currency\": \"EUR\", \"orderRef\": \"SUB-1\", \"status\": \"OPEN\", \"lines\": [%s]}"
                    .formatted(i, issued.plusMonths(i), lines));
        }
        StringJoiner orderLines = new StringJoiner(",");
        for (int l = 0; l < linesPerInvoice; l++) {
            orderLines.add("{\"sku\": \"S" + l + "\", \"quantity\": 1, \"agreedUnitPrice\": 1.00}");
        }
        return """
                {"complaintId": "BIG-%d", "receivedOn": "2026-11-20", "customer": {"id": "K-1", "type": "BUSINESS"},
                 "invoices": [%s], "order": {"ref": "SUB-1", "lines": [%s]}}
                """.formatted(n, invoices, orderLines);
    }

    @Test
    void sixtyInvoicesOfOneOrderAndAmountAreOneDuplicateFinding() {
        Decision decision = service.decide(Complaints.fromJson(monthlyInvoices(60, 1, "1.00")), "en");

        var duplicates = decision.classification().causes().stream().filter(c -> c.subCause() == SubCause.DUPLICATE_INVOICE).toList();
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).evidence()).containsExactly(
                "Invoices F-0000 and F-0001, F-0002, F-0003, F-0004, F-0005 and 54 more bill order SUB-1 for the same amount");
        assertThat(decision.traceTruncated()).isFalse();
        assertThat(decision.trace()).hasSize(decision.traceTotal());
    }

    @Test
    void firingsGrowLinearlyWithTheInvoices() {
        int fired25 = service.decide(Complaints.fromJson(monthlyInvoices(25, 1, "1.00")), "en").traceTotal();
        int fired50 = service.decide(Complaints.fromJson(monthlyInvoices(50, 1, "1.00")), "en").traceTotal();
        int fired100 = service.decide(Complaints.fromJson(monthlyInvoices(100, 1, "1.00")), "en").traceTotal();

        // Pairs would multiply the firings by 4 for twice the invoices; a linear ruleset adds the same amount each time.
        assertThat(fired100 - fired50).isLessThanOrEqualTo(2 * (fired50 - fired25) + 2);
        assertThat(fired100).isLessThan(5_000 / 4);
    }

    @Test
    void twoInvoicesOfAThousandOverpricedLinesAreOneFindingEach() {
        Decision decision = service.decide(Complaints.fromJson(monthlyInvoices(2, 1_000, "2.00")), "en");

        var prices = decision.classification().causes().stream().filter(c -> c.subCause() == SubCause.PRICE_DISAGREEMENT).toList();
        assertThat(prices).hasSize(1);
        // one sentence per invoice, in the order the invoices' rules fired
        assertThat(prices.get(0).evidence()).containsExactlyInAnyOrder(
                "Invoice F-0000 bills S0 at 2.00 per unit, agreed price 1.00, and 999 other lines above their agreed price",
                "Invoice F-0001 bills S0 at 2.00 per unit, agreed price 1.00, and 999 other lines above their agreed price");
        assertThat(decision.traceTotal()).isLessThan(100);
    }

    @Test
    void aDeliveryOfManyItemsNotOnTheOrderIsOneFinding() {
        StringJoiner lines = new StringJoiner(",");
        for (int l = 0; l < 1_000; l++) {
            lines.add("{\"sku\": \"X" + l + "\", \"quantity\": 1}");
        }
        Complaint complaint = Complaints.fromJson("""
                {"complaintId": "MISMATCH", "receivedOn": "2026-11-20", "customer": {"id": "K-1", "type": "BUSINESS"},
                 "order": {"ref": "PO-1", "lines": [{"sku": "A", "quantity": 1}]},
                 "deliveries": [{"ref": "BL-1", "deliveredOn": "2026-11-01", "lines": [%s]}]}
                """.formatted(lines));

        Decision decision = service.decide(complaint, "en");

        var mismatches = decision.classification().causes().stream().filter(c -> c.subCause() == SubCause.ORDER_MISMATCH).toList();
        assertThat(mismatches.get(0).evidence()).containsExactly(
                "Delivery BL-1 contains X0, X1, X10, X100, X101 and 995 more, which are not on order PO-1");
        assertThat(decision.traceTotal()).isLessThan(100);
    }

    @Test
    void theTraceIsCappedAndSaysSo() {
        Decision decision = service(new DecisionProperties(5_000, Duration.ofSeconds(10), 10))
                .decide(Complaints.fromJson(monthlyInvoices(60, 1, "1.00")), "en");

        assertThat(decision.trace()).hasSize(10);
        assertThat(decision.traceTruncated()).isTrue();
        assertThat(decision.traceTotal()).isGreaterThan(10);
    }

    @Test
    void aCapReachedWithoutALoopDoesNotBlameALoop() {
        DecisionService tight = service(new DecisionProperties(5, Duration.ofSeconds(10), 500));

        assertThatThrownBy(() -> tight.decide(Complaints.fromJson(monthlyInvoices(20, 1, "1.00")), "en"))
                .isInstanceOf(DecisionFailedException.class)
                .hasMessageContaining("fired more than 5 times")
                .hasMessageContaining("last fired")
                .hasMessageNotContaining("loop");
    }
}
