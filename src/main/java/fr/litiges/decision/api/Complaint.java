package fr.litiges.decision.api;

import fr.litiges.decision.api.Codes.AttemptOutcome;
import fr.litiges.decision.api.Codes.Channel;
import fr.litiges.decision.api.Codes.CustomerType;
import fr.litiges.decision.api.Codes.InvoiceStatus;
import fr.litiges.decision.api.Codes.ReasonCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One customer complaint as the CRM sends it (decision-api.md, "Request: Complaint"). */
@Schema(description = "A customer complaint to decide on")
public record Complaint(
        @Schema(description = "The CRM's identifier of the complaint", example = "CRM-2026-000123")
        @NotNull @Pattern(regexp = Bounds.COMPLAINT_ID, message = Bounds.COMPLAINT_ID_MESSAGE)
        String complaintId,

        @Schema(description = "Day the complaint was received", example = "2026-11-20")
        @NotNull LocalDate receivedOn,

        @Schema(description = "Free text from the customer or the account manager, French or English", maxLength = Bounds.MAX_TEXT)
        @CodePoints(max = Bounds.MAX_TEXT) String text,

        @Schema(description = "Reason codes chosen in the CRM")
        @Size(max = 20) List<@NotNull ReasonCode> reportedReasons,

        @Schema(description = "The customer who complains")
        @NotNull @Valid Customer customer,

        @Schema(description = "Invoices concerned (0 to 100)")
        @Size(max = 100) List<@NotNull @Valid Invoice> invoices,

        @Schema(description = "The order behind the invoices, if known")
        @Valid Order order,

        @Schema(description = "Deliveries made for the order")
        @Size(max = 100) List<@NotNull @Valid Delivery> deliveries,

        @Schema(description = "Amount in dispute; when absent, the sum of the invoices not PAID", example = "12500.00")
        @DecimalMin("0") @DecimalMax(Bounds.MAX_AMOUNT) @Digits(integer = Bounds.AMOUNT_INTEGER_DIGITS, fraction = Bounds.AMOUNT_DECIMALS, message = Bounds.AMOUNT_DIGITS_MESSAGE) BigDecimal disputedAmount,

        @Schema(description = "Earlier attempts at resolving this dispute")
        @Size(max = 20) List<@NotNull @Valid ResolutionAttempt> resolutionAttempts) {

    public Complaint {
        reportedReasons = reportedReasons == null ? List.of() : reportedReasons;
        invoices = invoices == null ? List.of() : invoices;
        deliveries = deliveries == null ? List.of() : deliveries;
        resolutionAttempts = resolutionAttempts == null ? List.of() : resolutionAttempts;
    }

    public record Customer(
            @Schema(description = "Customer identifier", example = "K-881")
            @NotNull @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String id,
            @Schema(description = "BUSINESS or CONSUMER")
            @NotNull CustomerType type,
            @Schema(description = "Years of business relationship") @Min(0) @Max(200) Integer relationshipYears,
            @Schema(description = "Customer's annual revenue with us") @DecimalMin("0") @DecimalMax(Bounds.MAX_REVENUE) @Digits(integer = Bounds.REVENUE_INTEGER_DIGITS, fraction = Bounds.AMOUNT_DECIMALS, message = Bounds.AMOUNT_DIGITS_MESSAGE) BigDecimal annualRevenue,
            @Schema(description = "A strategic account") Boolean strategic,
            @Schema(description = "Disputes in the last 12 months") @Min(0) @Max(100_000) Integer previousDisputes12m,
            @Schema(description = "The contract names a mediator") Boolean mediationClause) {
    }

    public record Invoice(
            @Schema(description = "Invoice number", example = "F-1001") @NotNull @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String number,
            @Schema(description = "Day the invoice was issued", example = "2026-10-01") LocalDate issuedOn,
            @Schema(description = "Due date; when absent, issuedOn + paymentTermsDays", example = "2026-11-30") LocalDate dueOn,
            @Schema(description = "Amount of the invoice, at most 2 decimals", example = "12500.00") @NotNull @DecimalMin("0") @DecimalMax(Bounds.MAX_AMOUNT) @Digits(integer = Bounds.AMOUNT_INTEGER_DIGITS, fraction = Bounds.AMOUNT_DECIMALS, message = Bounds.AMOUNT_DIGITS_MESSAGE) BigDecimal amount,
            @Schema(description = "ISO-4217 code", example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
            @Schema(description = "The order the invoice bills", example = "PO-4411") @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String orderRef,
            @Schema(description = "Payment terms in days (0..365)", example = "60") @Min(0) @Max(365) Integer paymentTermsDays,
            @Schema(description = "OPEN, OVERDUE or PAID") @NotNull InvoiceStatus status,
            @Schema(description = "What the invoice bills, line by line") @Size(max = 1000) List<@NotNull @Valid InvoiceLine> lines) {

        public Invoice {
            lines = lines == null ? List.of() : lines;
        }
    }

    public record InvoiceLine(
            @Schema(description = "Article reference", example = "A1") @NotNull @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String sku,
            @Schema(description = "Quantity invoiced", example = "100") @NotNull @DecimalMin("0") @DecimalMax(Bounds.MAX_QUANTITY) @Digits(integer = Bounds.QUANTITY_INTEGER_DIGITS, fraction = Bounds.QUANTITY_DECIMALS, message = Bounds.QUANTITY_DIGITS_MESSAGE) BigDecimal quantity,
            @Schema(description = "Unit price invoiced", example = "125.00") @DecimalMin("0") @DecimalMax(Bounds.MAX_UNIT_PRICE) @Digits(integer = Bounds.QUANTITY_INTEGER_DIGITS, fraction = Bounds.QUANTITY_DECIMALS, message = Bounds.QUANTITY_DIGITS_MESSAGE) BigDecimal unitPrice) {
    }

    public record Order(
            @Schema(description = "Order reference", example = "PO-4411") @NotNull @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String ref,
            @Schema(description = "Day the order was placed", example = "2026-09-20") LocalDate orderedOn,
            @Schema(description = "What was ordered, at which agreed price") @Size(max = 1000) List<@NotNull @Valid OrderLine> lines) {

        public Order {
            lines = lines == null ? List.of() : lines;
        }
    }

    public record OrderLine(
            @Schema(description = "Article reference", example = "A1") @NotNull @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String sku,
            @Schema(description = "Quantity ordered", example = "100") @NotNull @DecimalMin("0") @DecimalMax(Bounds.MAX_QUANTITY) @Digits(integer = Bounds.QUANTITY_INTEGER_DIGITS, fraction = Bounds.QUANTITY_DECIMALS, message = Bounds.QUANTITY_DIGITS_MESSAGE) BigDecimal quantity,
            @Schema(description = "Unit price agreed with the customer", example = "125.00") @DecimalMin("0") @DecimalMax(Bounds.MAX_UNIT_PRICE) @Digits(integer = Bounds.QUANTITY_INTEGER_DIGITS, fraction = Bounds.QUANTITY_DECIMALS, message = Bounds.QUANTITY_DIGITS_MESSAGE) BigDecimal agreedUnitPrice) {
    }

    public record Delivery(
            @Schema(description = "Delivery note reference", example = "BL-77") @NotNull @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String ref,
            @Schema(description = "Day the goods were delivered", example = "2026-10-05") LocalDate deliveredOn,
            @Schema(description = "false when the delivery was refused as not conforming; true when absent") Boolean conforming,
            @Schema(description = "What was delivered, line by line") @Size(max = 1000) List<@NotNull @Valid DeliveryLine> lines) {

        public Delivery {
            lines = lines == null ? List.of() : lines;
        }
    }

    public record DeliveryLine(
            @Schema(description = "Article reference", example = "A1") @NotNull @Pattern(regexp = Bounds.REFERENCE, message = Bounds.REFERENCE_MESSAGE) String sku,
            @Schema(description = "Quantity delivered", example = "100") @NotNull @DecimalMin("0") @DecimalMax(Bounds.MAX_QUANTITY) @Digits(integer = Bounds.QUANTITY_INTEGER_DIGITS, fraction = Bounds.QUANTITY_DECIMALS, message = Bounds.QUANTITY_DIGITS_MESSAGE) BigDecimal quantity) {
    }

    public record ResolutionAttempt(
            @Schema(description = "The channel tried") @NotNull Channel channel,
            @Schema(example = "2026-10-10") LocalDate startedOn,
            @Schema(description = "FAILED, ONGOING or RESOLVED") @NotNull AttemptOutcome outcome) {
    }
}
