package fr.litiges.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the annotations cannot say by themselves: how to authenticate (so generated clients and
 * Swagger UI's Authorize button send a key or a token), a fixed server URL instead of one built
 * from the request's Host header, and the statuses every protected operation can answer, each
 * with the problem schema: 400 (the firewall refuses the path or headers), 401, 403, 406, 429
 * (wrong keys throttled), 500; 413 and 415 when it takes a body; 404 when its path names
 * something; 503 with Retry-After for a batch.
 */
final class ApiDocument implements OpenApiCustomizer {
    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";

    static Components securitySchemes() {
        return new Components()
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-API-Key").description("An API key (docs/security.md); locally 'local-decider-key' or 'local-admin-key'"))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An OAuth2 access token of the configured issuer, with the role in its roles claim"));
    }

    static List<SecurityRequirement> eitherKeyOrToken() {
        return List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(BEARER));
    }

    static List<Server> servers() {
        return List.of(new Server().url("/").description("This instance (relative: the document is served by the API itself)"));
    }

    /** Fields that are null in some answers, by schema; the annotations of other packages cannot say it for 3.1. */
    private static final Map<String, List<String>> NULLABLE = Map.of(
            "Ruleset", List.of("lastReload"),
            "RuleProblem", List.of("source", "sheet", "row", "cell", "line"),
            "LastReload", List.of("version", "hash"));

    @Override
    public void customise(OpenAPI openApi) {
        openApi.servers(servers());
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            NULLABLE.forEach((name, fields) -> {
                Schema<?> schema = openApi.getComponents().getSchemas().get(name);
                if (schema != null && schema.getProperties() != null) {
                    fields.forEach(field -> schema.getProperties().computeIfPresent(field, (k, property) -> nullable(property)));
                }
            });
        }
        if (openApi.getPaths() == null) {
            return;
        }
        replayBodies(openApi);
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                operation.setSecurity(eitherKeyOrToken());
                ApiResponses responses = operation.getResponses();
                // an annotation that names the problem media type but no schema: it is the problem schema
                responses.values().forEach(ApiDocument::problemSchemaWhereMissing);
                add(responses, "400", "The request's path or headers are not accepted (encoded slashes, dot segments, path parameters, "
                        + "control characters), or its body is malformed");
                add(responses, "401", "No valid API key or bearer token (WWW-Authenticate says which schemes are accepted)");
                add(responses, "403", "Authenticated, but the key or token lacks the role this operation needs");
                add(responses, "406", "The Accept header allows neither application/json nor application/problem+json");
                ApiResponse throttled = problem("Too many requests with wrong credentials from this address: wait Retry-After seconds");
                throttled.addHeaderObject("Retry-After", retryAfter("Seconds to wait before authenticating again"));
                responses.putIfAbsent("429", throttled);
                add(responses, "500", ApiDocs.INTERNAL);
                if (operation.getRequestBody() != null) {
                    add(responses, "413", "The body is over this operation's size limit");
                    add(responses, "415", "The body's Content-Type is not one this operation accepts");
                }
                if (path.contains("{")) {
                    add(responses, "404", "Nothing is known under this identifier");
                }
                if (path.endsWith("/batch")) {
                    ApiResponse busy = problem("This instance is deciding as many batches as it may at once, or stopping: send the same batch again after Retry-After seconds");
                    busy.addHeaderObject("Retry-After", retryAfter("Seconds to wait before sending the batch again"));
                    responses.putIfAbsent("503", busy);
                }
                operation.setResponses(byStatus(responses));
            }
        });
    }

    /** Operations that replay up to 10,000 complaints, whose handlers read the body as bytes (JSON or NDJSON). */
    private static final List<String> REPLAYS = List.of("/api/v1/reports/disputes", "/api/v1/rulesets/candidates/{id}/impact");

    /** The replay bodies as they are read: {"complaints": [...]}, or one complaint a line. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void replayBodies(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                || !openApi.getComponents().getSchemas().containsKey("Complaint")) {
            return;
        }
        Schema complaints = typed("array").minItems(1).maxItems(10_000).items(new Schema().$ref("#/components/schemas/Complaint"));
        Schema replay = typed("object").description("1 to 10,000 complaints to decide (at most 32 MiB)")
                .addProperty("complaints", complaints).required(List.of("complaints"));
        openApi.getComponents().addSchemas("ReplayRequest", replay);
        for (String path : REPLAYS) {
            PathItem item = openApi.getPaths().get(path);
            if (item == null || item.getPost() == null || item.getPost().getRequestBody() == null) {
                continue;
            }
            Content content = new Content()
                    .addMediaType("application/json", new MediaType().schema(new Schema().$ref("#/components/schemas/ReplayRequest")))
                    .addMediaType("application/x-ndjson", new MediaType().schema(typed("string")
                            .description("One complaint (a JSON object) a line")));
            item.getPost().getRequestBody().required(true).content(content);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema typed(String type) {
        Schema schema = new io.swagger.v3.oas.models.media.JsonSchema();
        schema.setTypes(new java.util.LinkedHashSet<>(List.of(type)));
        schema.setType(type);
        return schema;
    }

    private static Header retryAfter(String description) {
        return new Header().description(description).schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void problemSchemaWhereMissing(ApiResponse response) {
        if (response.getContent() != null && response.getContent().get(ApiDocs.PROBLEM) != null
                && response.getContent().get(ApiDocs.PROBLEM).getSchema() == null) {
            response.getContent().get(ApiDocs.PROBLEM).schema(new Schema().$ref(PROBLEM_REF));
        }
    }

    /** Responses in the order of their status codes, as a reader looks them up. */
    private static ApiResponses byStatus(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream().sorted().forEach(status -> sorted.addApiResponse(status, responses.get(status)));
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            return new io.swagger.v3.oas.models.media.JsonSchema().description(property.getDescription())
                    .oneOf(List.of(new io.swagger.v3.oas.models.media.JsonSchema().$ref(property.get$ref()), nullType()));
        }
        if (property.getTypes() != null && !property.getTypes().contains("null")) {
            property.addType("null");
        } else if (property.getType() != null && property.getTypes() == null) {
            property.addType(property.getType());
            property.addType("null");
        }
        return property;
    }

    /** {"type": "null"}: an otherwise empty schema would be written as true. */
    @SuppressWarnings("rawtypes")
    private static Schema nullType() {
        Schema schema = new io.swagger.v3.oas.models.media.JsonSchema();
        schema.setTypes(new java.util.LinkedHashSet<>(List.of("null")));
        schema.setType("null");
        schema.setDescription("none");
        return schema;
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, problem(description));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ApiResponse problem(String description) {
        Schema schema = new Schema().$ref(PROBLEM_REF);
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(ApiDocs.PROBLEM, new MediaType().schema(schema)));
    }
}
