package fr.litiges.decision;

import fr.litiges.decision.api.Decision;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional decision audit trail: one JSON line per decision on the logger
 * {@code litiges.audit}, written to its own rolling file, with identifiers, the ruleset hash,
 * the outcome codes and the duration. It holds no free text, no customer name and no amount.
 * The file is only created when the trail is enabled.
 */
@Component
public class DecisionAudit {
    private static final Logger AUDIT = LoggerFactory.getLogger("litiges.audit");

    private final boolean enabled;
    private final JsonMapper json = JsonMapper.builder().build();

    public DecisionAudit(boolean enabled) {
        this.enabled = enabled;
    }

    @org.springframework.beans.factory.annotation.Autowired
    public DecisionAudit(@Value("${litiges.audit.enabled:false}") boolean enabled,
                         @Value("${litiges.audit.file:audit/decisions.jsonl}") String file) {
        this(enabled);
        if (enabled && LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            attachFile(context, file);
        }
    }

    /** A daily file, also rolled at 100 MB, kept 90 days. */
    private static void attachFile(ch.qos.logback.classic.LoggerContext context, String file) {
        var appender = new ch.qos.logback.core.rolling.RollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.setContext(context);
        appender.setName("AUDIT");
        appender.setFile(file);
        var policy = new ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy<ch.qos.logback.classic.spi.ILoggingEvent>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
        policy.setMaxFileSize(ch.qos.logback.core.util.FileSize.valueOf("100MB"));
        policy.setMaxHistory(90);
        policy.start();
        var encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger audit = context.getLogger("litiges.audit");
        // the trail goes to its own file only, never to the console (plain or JSON) of the service
        audit.setAdditive(false);
        audit.detachAppender("AUDIT");
        audit.addAppender(appender);
    }

    public void record(Decision decision, long durationNanos) {
        if (!enabled || !AUDIT.isInfoEnabled()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", decision.evaluatedAt().toString());
        line.put("decisionId", decision.decisionId());
        line.put("complaintId", decision.complaintId());
        line.put("client", MDC.get("client"));
        line.put("rulesetVersion", decision.ruleset().version());
        line.put("rulesetHash", decision.ruleset().hash());
        line.put("cause", decision.classification().primaryCause());
        line.put("subCause", decision.classification().subCause());
        line.put("confidence", decision.classification().confidence());
        line.put("department", decision.routing().department());
        line.put("priority", decision.routing().priority());
        line.put("channel", decision.resolution().recommendedChannel());
        line.put("actions", decision.resolution().actions());
        line.put("delayDays", decision.paymentImpact().delayDays());
        line.put("rulesFired", decision.trace().size());
        line.put("durationMicros", durationNanos / 1_000);
        AUDIT.info(json.writeValueAsString(line));
    }
}
