package fr.litiges.prevention.api;

import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Complaint.DeliveryLine;
import fr.litiges.decision.api.Complaint.Invoice;
import fr.litiges.decision.api.Complaint.Order;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A customer's open portfolio to plan preventive reminders for (prevention.md). */
@Schema(description = "A customer's portfolio of invoices, with the orders and deliveries behind them")
public record PreventionRequest(
        @Schema(description = "The day the plan is made; reminders are never dated before it", example = "2026-12-01")
        @NotNull LocalDate asOf,
        @Schema(description = "The customer") @NotNull @Valid Complaint.Customer customer,
        @Schema(description = "The invoices to plan for (1 to 500), in the order of the answer's plans")
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Invoice> invoices,
        @Schema(description = "The orders the invoices bill; an invoice finds its order by orderRef")
        @Size(max = 500) List<@NotNull @Valid Order> orders,
        @Schema(description = "The deliveries of those orders, each with the orderRef of the order it delivers")
        @Size(max = 1000) List<@NotNull @Valid Delivery> deliveries,
        @Schema(description = "Invoice numbers that already have a dispute open")
        @Size(max = 500) List<@NotBlank @Size(max = 64) String> openDisputes) {

    public PreventionRequest {
        orders = orders == null ? List.of() : orders;
        deliveries = deliveries == null ? List.of() : deliveries;
        openDisputes = openDisputes == null ? List.of() : openDisputes;
    }

    /** A complaint's delivery, plus the order it delivers. */
    @Schema(name = "PortfolioDelivery")
    public record Delivery(
            @Schema(description = "Delivery note reference", example = "BL-77") @NotBlank @Size(max = 64) String ref,
            @Schema(description = "The order delivered", example = "PO-4411") @Size(max = 64) String orderRef,
            @Schema(description = "Day the goods were delivered", example = "2026-10-05") LocalDate deliveredOn,
            @Schema(description = "false when the delivery was refused as not conforming; true when absent") Boolean conforming,
            @Schema(description = "What was delivered, line by line") @Size(max = 1000) List<@NotNull @Valid DeliveryLine> lines) {

        public Delivery {
            lines = lines == null ? List.of() : lines;
        }
    }
}
