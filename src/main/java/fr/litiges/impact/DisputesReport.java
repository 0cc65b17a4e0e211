package fr.litiges.impact;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where disputes come from and what they cost ({@code rulesets-api.md}, "Disputes report"): the
 * complaints decided on the active ruleset, counted with their amount at risk and financing cost by
 * cause and sub-cause, department, recommended channel and month received. Amounts are added as
 * sent, whatever their currency.
 */
public record DisputesReport(int complaints, int failed, List<CauseLine> byCause, List<DepartmentLine> byDepartment,
                             List<ChannelLine> byChannel, List<MonthLine> byMonth, BigDecimal unknownShare,
                             BigDecimal amountAtRisk, BigDecimal financingCost, long expectedDelayDays, String rulesetVersion) {

    public DisputesReport {
        byCause = List.copyOf(byCause);
        byDepartment = List.copyOf(byDepartment);
        byChannel = List.copyOf(byChannel);
        byMonth = List.copyOf(byMonth);
    }

    public record CauseLine(String cause, String subCause, int count, BigDecimal amountAtRisk, BigDecimal financingCost) {
    }

    /** {@code department} is null for a complaint no routing row gave a department. */
    public record DepartmentLine(String department, int count, BigDecimal amountAtRisk, BigDecimal financingCost) {
    }

    /** {@code channel} is null for a complaint with no recommended channel. */
    public record ChannelLine(String channel, int count, BigDecimal amountAtRisk, BigDecimal financingCost) {
    }

    /** {@code month} as 2026-11, from the complaint's receivedOn. */
    public record MonthLine(String month, int count, BigDecimal amountAtRisk, BigDecimal financingCost) {
    }
}
