package fr.litiges.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The internal review of disputes: where they come from and what they cost, in JSON or as a workbook. */
@RestController
@org.springframework.context.annotation.Import(ImpactConfiguration.class)
@RequestMapping(path = "/api/v1/reports")
@Tag(name = "Reports", description = "What disputes cost, decided on the active ruleset")
class DisputesReportController {
    private static final MediaType XLSX = MediaType.parseMediaType(DisputesWorkbook.MEDIA_TYPE);

    private final ComplaintBatchReader reader;
    private final DisputesReporter reporter;

    DisputesReportController(ComplaintBatchReader reader, DisputesReporter reporter) {
        this.reader = reader;
        this.reporter = reporter;
    }

    @PostMapping(path = "/disputes", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"},
            produces = {MediaType.APPLICATION_JSON_VALUE, DisputesWorkbook.MEDIA_TYPE})
    @Operation(summary = "Disputes report",
            description = "Decides each complaint on the active ruleset and sums them up by cause and sub-cause, department, "
                    + "recommended channel and month received, with amounts at risk, financing cost and the share left UNKNOWN. "
                    + "Body: {\"complaints\": [...]} or application/x-ndjson, one complaint a line, 1 to 10,000 complaints and at "
                    + "most 32 MiB (litiges.web.max-replay-body-size). A complaint that cannot be read or decided counts in "
                    + "'failed'. With Accept: " + DisputesWorkbook.MEDIA_TYPE + ", the same tables as a workbook with a bar chart of causes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE), // example: the contract's complaint (web.ApiExamples)
                    @Content(mediaType = "application/x-ndjson")}))
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DisputesReport.class)),
            @Content(mediaType = DisputesWorkbook.MEDIA_TYPE)})
    @ApiResponse(responseCode = "400", description = "Not {\"complaints\": [...]}, or no complaint",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "More than 10,000 complaints or a body over 32 MiB",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "415", description = "Neither application/json nor application/x-ndjson",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> disputes(@RequestBody byte[] body,
                               @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE) MediaType contentType,
                               @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        DisputesReport report = reporter.report(reader.read(body, contentType));
        if (wantsWorkbook(accept)) {
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"litiges.xlsx\"")
                    .body(DisputesWorkbook.write(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** The workbook only when the client asks for it over JSON: JSON stays the default. */
    private static boolean wantsWorkbook(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (XLSX.equalsTypeAndSubtype(type)) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
