package fr.litiges.prevention.api;

/** The fixed codes of a prevention plan (prevention.md). */
public final class PreventionCodes {
    private PreventionCodes() {
    }

    public enum PlanStatus { SCHEDULED, NO_REMINDER, SKIPPED_PAID, SKIPPED_DUE, SKIPPED_IN_DISPUTE }

    public enum RiskTier { HIGH, MEDIUM, LOW }

    public enum ReminderChannel { EMAIL, PHONE_CALL, LETTER }

    public enum ReminderTemplate { COURTESY_CHECK, CHECK_LIKELY_DISPUTE, DUE_SOON }

    /** The code named in a rule, or a clear error naming what was expected (a typo in a table). */
    public static <E extends Enum<E>> E parse(Class<E> type, String code, String what) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return Enum.valueOf(type, code.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + code + "'; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }
}
