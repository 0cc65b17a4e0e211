package fr.litiges.prevention.facts;

import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/** The rationale table's answer (sheet "Justifications"): a plan's sentence in one language, placeholders unfilled. */
@ClassReactive
public final class PlanSentence {
    private final PlanSummary summary;
    private final String language;
    private final String template;

    public PlanSentence(PlanSummary summary, String language, String template) {
        this.summary = summary;
        this.language = Objects.requireNonNull(language, "language");
        this.template = template == null ? "" : template.trim();
    }

    public PlanSummary getSummary() { return summary; }
    public String getLanguage() { return language; }
    public String getTemplate() { return template; }
}
