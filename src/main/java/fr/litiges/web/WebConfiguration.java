package fr.litiges.web;

import fr.litiges.decision.api.TraceJson;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The HTTP layer's limits, body size filter, JSON reading rules and OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebLimits.class)
class WebConfiguration {

    /** Tomcat's own 400s (bad request line, bad percent-encoding) as problems, not HTML. */
    @Bean
    ProblemReportValveInstaller problemReportValveInstaller() {
        return new ProblemReportValveInstaller();
    }

    @Bean
    BatchGate batchGate(WebLimits limits) {
        return new BatchGate(limits.effectiveConcurrentBatches());
    }

    @Bean
    DecisionPermits decisionPermits(WebLimits limits) {
        return new DecisionPermits(limits.effectiveDecisionPermits());
    }

    @Bean
    WebMvcConfigurer batchGateInterceptor(BatchGate gate, WebLimits limits) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new BatchGate.Interceptor(gate, limits.retryAfter())).addPathPatterns("/api/v1/decisions/batch", "/api/v1/prevention/plans/batch");
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebLimits limits, JsonMapper jsonMapper) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits, jsonMapper));
        // Before anything may read the body, after the observation filter so 413s are still measured.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * JSON through the application's mapper, answers sent whole with their length (see the class),
     * in the place of Spring Boot's JSON converter (this configurer runs after Boot's own).
     */
    @Bean
    WebMvcConfigurer wholeAnswerJson(JsonMapper jsonMapper) {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(new WholeAnswerJsonConverter(jsonMapper));
            }
        };
    }

    /**
     * The contract is typed JSON, so the mapper reads it strictly: a float for an integer, a string
     * for a number or a boolean, a number for a string or a code are 400s instead of being coerced.
     * Amounts keep their exact digits, also through the JSON trees of batch items. Unknown
     * properties stay tolerated (Spring's default), so CRMs may send extra fields.
     */
    @Bean
    JsonMapperBuilderCustomizer strictContractJson() {
        return builder -> builder
                .addModule(StrictDates.module())
                // a decision's trace written from the JSON its rules' entries carry (same bytes, less work per answer)
                .addModule(TraceJson.module())
                // {"amount": 1, "amount": 1e12}: which one the CRM meant is unknowable, so neither is taken
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    @Bean
    OpenApiCustomizer apiDocument() {
        return new ApiDocument();
    }

    @Bean
    OpenApiCustomizer apiExamples(JsonMapper json, org.springframework.beans.factory.ObjectProvider<ComplaintReader> readers,
                                  org.springframework.beans.factory.ObjectProvider<fr.litiges.ruleset.ActiveRuleset> rulesets,
                                  org.springframework.beans.factory.ObjectProvider<fr.litiges.decision.DecisionService> decisions,
                                  org.springframework.beans.factory.ObjectProvider<fr.litiges.prevention.PreventionService> prevention) {
        return new ApiExamples(json, readers, rulesets, decisions, prevention);
    }

    @Bean
    OpenAPI decisionServiceOpenApi() {
        return new OpenAPI().components(ApiDocument.securitySchemes()).security(ApiDocument.eitherKeyOrToken())
                .servers(ApiDocument.servers()).info(new Info()
                .title("Litiges decision service")
                .description("""
                        Decides B2B customer disputes: classifies a complaint (cause, sub-cause, confidence), \
                        routes it to a department with a priority, recommends a resolution channel and its \
                        escalation path, and estimates the payment delay and its financing cost. Every decision \
                        names the ruleset version and the rules that fired. Errors are RFC 9457 problems \
                        (application/problem+json).""")
                .version("v1"));
    }
}
