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
 * {@code litiges.audit} (its own file, see logback-spring.xml), with identifiers, the ruleset hash,
 * the outcome codes and the duration. It holds no free text, no customer name and no amount.
 */
@Component
public class DecisionAudit {
    private static final Logger AUDIT = LoggerFactory.getLogger("litiges.audit");

    private final boolean enabled;
    private final JsonMapper json = JsonMapper.builder().build();

    public DecisionAudit(@Value("${litiges.audit.enabled:false}") boolean enabled) {
        this.enabled = enabled;
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
