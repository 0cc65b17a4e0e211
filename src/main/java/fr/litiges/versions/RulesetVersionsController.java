package fr.litiges.versions;

import fr.litiges.impact.Change;
import fr.litiges.impact.ComplaintBatchReader;
import fr.litiges.impact.Impact;
import fr.litiges.impact.ImpactConfiguration;
import fr.litiges.impact.ImpactReplay;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.LastReload;
import fr.litiges.web.RulesetResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ruleset versions, candidates, publish and rollback ({@code ../shared/rulesets-api.md}). Every
 * endpoint needs the role {@code rules-admin} (the security configuration's default).
 */
@RestController
@org.springframework.context.annotation.Import(ImpactConfiguration.class)
@RequestMapping(path = "/api/v1/rulesets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ruleset versions", description = "Upload a change, see what it breaks, publish it, go back to any version")
class RulesetVersionsController {
    private static final String PROBLEM = "application/problem+json";
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RulesetVersions versions;
    private final ActiveRuleset active;
    private final fr.litiges.ruleset.RulesetActivator activator;
    private final ComplaintBatchReader complaints;
    private final ImpactReplay replay;

    RulesetVersionsController(RulesetVersions versions, ActiveRuleset active, fr.litiges.ruleset.RulesetActivator activator,
                              ComplaintBatchReader complaints, ImpactReplay replay) {
        this.versions = versions;
        this.active = active;
        this.activator = activator;
        this.complaints = complaints;
        this.replay = replay;
    }

    record VersionList(List<RulesetVersions.VersionEntry> versions) {
    }

    record PublishRequest(String message) {
    }

    record ChangeList(List<Change> changes) {
    }

    @GetMapping
    @Operation(summary = "Every version, newest first", description = "Each ruleset ever active, with who published it, when, why, and which is active.")
    VersionList list() {
        return new VersionList(versions.list());
    }

    @PostMapping(path = "/candidates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Try changed files on the active version",
            description = "Parts named 'files' (each file name is its path, e.g. decision-tables/resolution.xlsx) and optional text parts "
                    + "named 'delete'. Compiles, runs every scenario, lists the changes; nothing goes live.")
    @ApiResponse(responseCode = "201", description = "The candidate, READY or REFUSED with its errors and failed scenarios; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Candidate.class)))
    @ApiResponse(responseCode = "400", description = "No file, a part without a file name, a file uploaded twice, a path outside rules/, decision-tables/ and scenarios/, or a deletion of a file the active version does not have", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "Too many files, or a file or the whole upload over its limit", content = @Content(mediaType = PROBLEM))
    ResponseEntity<Candidate> propose(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                                      @RequestParam(name = "delete", required = false) List<String> delete,
                                      HttpServletRequest request) throws IOException {
        Map<String, byte[]> uploaded = new LinkedHashMap<>();
        List<MultipartFile> parts = files == null ? List.of() : files;
        for (int i = 0; i < parts.size(); i++) {
            String path = parts.get(i).getOriginalFilename();
            if (path == null || path.isBlank()) {
                throw new RulesetVersions.InvalidUploadException("files[" + i + "]", "the part has no file name: its file name is its path "
                        + "in the ruleset (curl -F 'files=@resolution.xlsx;filename=decision-tables/resolution.xlsx')", false);
            }
            if (uploaded.put(path, parts.get(i).getBytes()) != null) {
                throw new RulesetVersions.InvalidUploadException("files[" + i + "]", "'" + path + "' is uploaded twice", false);
            }
        }
        List<String> deleted = delete == null ? List.of() : delete.stream().map(String::strip).toList();
        HeldCandidate held = versions.propose(uploaded, deleted);
        return ResponseEntity.created(URI.create("/api/v1/rulesets/candidates/" + held.id())).body(held.view().in(analystLanguage(request)));
    }

    @GetMapping("/candidates/{id}")
    @Operation(summary = "A candidate", description = "Kept at least 24 hours after its upload.")
    @ApiResponse(responseCode = "200", description = "The candidate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Candidate.class)))
    @ApiResponse(responseCode = "404", description = "No such candidate (expired, or uploaded to another instance)", content = @Content(mediaType = PROBLEM))
    Candidate candidate(@PathVariable String id, HttpServletRequest request) {
        return versions.candidate(id).orElseThrow(() -> new RulesetVersions.NotFoundException("candidate", id)).view()
                .in(analystLanguage(request));
    }

    /** Problems in analysts' files are written for French analysts; English only when the caller prefers it. */
    private static Locale analystLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header != null && !header.isBlank() && "en".equals(fr.litiges.web.ApiProblems.language(header)) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** One expected value of a scenario rewritten by accepting a candidate, for the analyst to review. */
    record AcceptedChange(String book, String sheet, int row, String cell, String column, String scenario, String before, String after) {
    }

    /** What accepting a candidate gives: the new candidate, and every expected value rewritten in its copies of the books. */
    record AcceptResponse(String acceptedFrom, Candidate candidate, List<AcceptedChange> accepted) {
    }

    @PostMapping("/candidates/{id}/accept")
    @Operation(summary = "Accept a deliberate change: rewrite the scenarios' expected values in a new candidate",
            description = "The versions API's 'validate --accept'. For a candidate refused because the rules now give other results "
                    + "than its scenario books expect (a duration changed on purpose, say), writes the results the rules now give "
                    + "into copies of the books and makes a NEW candidate of the same files with those copies; the uploaded candidate "
                    + "is left as it was. Answers the new candidate and each expected value rewritten (book, sheet, row, cell, "
                    + "column, scenario, before, after): review them before publishing the new candidate. Messages follow "
                    + "Accept-Language (French by default, English with 'en').")
    @ApiResponse(responseCode = "201", description = "The new candidate (usually READY) and every expected value rewritten")
    @ApiResponse(responseCode = "404", description = "No such candidate (kept at least 24 h)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The candidate does not compile, or no expected value changed: nothing to accept",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<AcceptResponse> accept(@PathVariable String id, HttpServletRequest request) {
        RulesetVersions.Accepted accepted = versions.accept(id);
        List<AcceptedChange> changes = accepted.changes().stream().map(c -> new AcceptedChange(c.source(), c.sheet(), c.row(), c.cell(),
                c.column(), c.scenario(), c.before(), c.after())).toList();
        return ResponseEntity.created(URI.create("/api/v1/rulesets/candidates/" + accepted.candidate().id()))
                .body(new AcceptResponse(id, accepted.candidate().view().in(analystLanguage(request)), changes));
    }

    @PostMapping(path = "/candidates/{id}/impact", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"})
    @Operation(summary = "What the candidate would change on real complaints",
            description = "Decides each complaint on the candidate's base version and on the candidate, on all cores, and counts "
                    + "the decisions that differ, field by field, with the financing cost before and after and up to 50 examples. "
                    + "Body: {\"complaints\": [...]} or application/x-ndjson, 1 to 10,000 complaints, at most 32 MiB. A complaint "
                    + "that cannot be read or fails on either side counts in 'failed'. Works for a candidate refused only by its "
                    + "scenarios; 409 for one that does not compile.")
    @ApiResponse(responseCode = "200", description = "The decisions that would change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Impact.class)))
    @ApiResponse(responseCode = "400", description = "Not {\"complaints\": [...]} nor NDJSON, or no complaint", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such candidate", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The candidate does not compile", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "More than 10,000 complaints or a body over 32 MiB", content = @Content(mediaType = PROBLEM))
    Impact impact(@PathVariable String id, @RequestBody byte[] body,
                  @io.swagger.v3.oas.annotations.Parameter(hidden = true) // the body's media type, not a parameter
                  @org.springframework.web.bind.annotation.RequestHeader(name = "Content-Type") MediaType contentType) {
        HeldCandidate held = versions.candidate(id).orElseThrow(() -> new RulesetVersions.NotFoundException("candidate", id));
        RulesetVersions.ImpactPair pair = versions.impactPair(held.id()).orElseThrow(() -> new RulesetVersions.PublishRefusedException(
                "candidate " + id + " does not compile: fix the errors it lists, then upload it again"));
        return replay.replay(pair.base(), pair.candidate(), complaints.read(body, contentType));
    }

    @PostMapping(path = "/candidates/{id}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Publish a READY candidate",
            description = "Becomes a new version, active here at once and on every replica within 30 s. 409 if the candidate is REFUSED "
                    + "or if the active version is no longer its base.")
    @ApiResponse(responseCode = "201", description = "The new version, active here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RulesetVersions.VersionEntry.class)))
    @ApiResponse(responseCode = "400", description = "No message, or one over 500 characters", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such candidate", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The candidate is REFUSED, or the active version is no longer its base (activeVersion names the new one)", content = @Content(mediaType = PROBLEM))
    ResponseEntity<RulesetVersions.VersionEntry> publish(@PathVariable String id, @RequestBody(required = false) PublishRequest request,
                                                         Authentication caller) {
        String message = request == null ? null : request.message();
        if (message == null || message.isBlank()) {
            throw new RulesetVersions.InvalidUploadException("message", "say why you publish: a message of 1 to 500 characters", false);
        }
        if (message.length() > 500) {
            throw new RulesetVersions.InvalidUploadException("message", "at most 500 characters, not " + message.length(), false);
        }
        RulesetVersions.VersionEntry entry = versions.publish(id, message.strip(), caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(entry);
    }

    @PostMapping("/{version}/activate")
    @Operation(summary = "Go back (or forward) to a listed version", description = "Through the same gate; 422 if it no longer passes.")
    @ApiResponse(responseCode = "200", description = "The version is active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RulesetResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "422", description = "The version no longer passes the gate: every error; the active version stays",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = fr.litiges.web.RulesetRefusedSchema.class)))
    ResponseEntity<Object> activate(@PathVariable String version, Authentication caller, HttpServletRequest request) {
        LastReload reload = versions.activate(version, caller.getName());
        if (reload.outcome() == LastReload.Outcome.REFUSED) {
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "ruleset-refused", "Ruleset refused",
                    "version " + version + " no longer passes the gate: " + reload.errors().size() + " problem(s); ruleset "
                            + reload.version() + " stays active", request);
            problem.setProperty("errors", reload.errors());
            problem.setProperty("activeVersion", reload.version());
            return respond(problem);
        }
        return ResponseEntity.ok(RulesetResponse.of(active.current(), activator.lastReload()));
    }

    @GetMapping(path = "/candidates/{id}/files/{*path}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "One file of a candidate, byte for byte",
            description = "E.g. the scenario book an accept rewrote, to open in Excel and review before publishing.")
    ResponseEntity<byte[]> candidateFile(@PathVariable String id, @PathVariable String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        HeldCandidate held = versions.candidate(id).orElseThrow(() -> new RulesetVersions.NotFoundException("candidate", id));
        byte[] bytes = held.source().file(relative);
        if (bytes == null) {
            throw new RulesetVersions.NotFoundException("file", relative + " in candidate " + id);
        }
        return download(relative, bytes);
    }

    @GetMapping(path = "/{version}/files/{*path}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "One file of a version, byte for byte")
    @ApiResponse(responseCode = "200", description = "The file: a workbook, or UTF-8 text (DRL)", content = {
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No such version, or no such file in it", content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> file(@PathVariable String version, @PathVariable String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        byte[] bytes = versions.file(version, relative)
                .orElseThrow(() -> new RulesetVersions.NotFoundException("file", relative + " in version " + version));
        return download(relative, bytes);
    }

    private static ResponseEntity<byte[]> download(String relative, byte[] bytes) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        MediaType type = relative.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/{from}/diff/{to}")
    @Operation(summary = "What changed between two versions")
    @ApiResponse(responseCode = "200", description = "The changes, file by file, with the rows and rules that differ",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ChangeList.class)))
    @ApiResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = PROBLEM))
    ChangeList diff(@PathVariable String from, @PathVariable String to) {
        return new ChangeList(versions.diff(from, to));
    }

    // ---------------------------------------------------------------- errors, as problem+json

    @ExceptionHandler(RulesetVersions.NotFoundException.class)
    ResponseEntity<Object> notFound(RulesetVersions.NotFoundException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request));
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<Object> conflict(VersionConflictException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "version-conflict", "The active version moved", e.getMessage()
                + "; upload your change again on the new active version", request);
        problem.setProperty("activeVersion", e.actual());
        return respond(problem);
    }

    @ExceptionHandler(RulesetVersions.NotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(RulesetVersions.NotAcceptableException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, e.type(), "Nothing to accept", e.getMessage(), request));
    }

    @ExceptionHandler(RulesetVersions.PublishRefusedException.class)
    ResponseEntity<Object> refused(RulesetVersions.PublishRefusedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "candidate-refused", "Candidate refused", e.getMessage(), request));
    }

    @ExceptionHandler(RulesetVersions.InvalidUploadException.class)
    ResponseEntity<Object> invalid(RulesetVersions.InvalidUploadException e, HttpServletRequest request) {
        ProblemDetail problem = e.tooLarge()
                ? problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", e.getMessage(), request)
                : problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(), request);
        List<Map<String, String>> errors = new ArrayList<>();
        errors.add(Map.of("field", e.field(), "message", e.getMessage()));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
