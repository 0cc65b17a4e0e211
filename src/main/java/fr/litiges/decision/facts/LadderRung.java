package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Channel;
import java.time.LocalDate;

/**
 * One step of the escalation ladder chosen for this customer (1 = first channel to try), with
 * what the earlier attempts on that channel say about it: failed (and when), or under way (since
 * when). The escalation rules walk the rungs with these facts; which rung to recommend is theirs.
 */
public final class LadderRung {
    private final int position;
    private final String channel;
    private final LocalDate failedOn;
    private final LocalDate ongoingSince;
    private final boolean failed;
    private final boolean ongoing;

    public LadderRung(int position, String channel) {
        this(position, channel, false, null, false, null);
    }

    public LadderRung(int position, String channel, boolean failed, LocalDate failedOn, boolean ongoing, LocalDate ongoingSince) {
        this.position = position;
        this.channel = CauseFinding.parse(Channel.class, channel, "channel").name();
        this.failed = failed;
        this.failedOn = failedOn;
        this.ongoing = ongoing;
        this.ongoingSince = ongoingSince;
    }

    /**
     * The rungs of a ladder, each with what the earlier attempts on its channel say: the latest
     * failure, or the latest attempt under way.
     */
    // FAILED and ONGOING are the contract's attempt outcomes, read as such; which rung follows from
    // them (and what RESOLVED means) is rules/escalation.drl's.
    public static java.util.List<LadderRung> walk(java.util.List<String> ladder, java.util.Collection<?> attempts) {
        java.util.List<LadderRung> rungs = new java.util.ArrayList<>(ladder.size());
        for (int i = 0; i < ladder.size(); i++) {
            String channel = ladder.get(i);
            LocalDate failedOn = null;
            LocalDate ongoingSince = null;
            boolean failed = false;
            boolean ongoing = false;
            for (Object item : attempts) {
                ResolutionAttempt attempt = (ResolutionAttempt) item;
                if (!attempt.getChannel().equals(channel)) {
                    continue;
                }
                if ("FAILED".equals(attempt.getOutcome())) {
                    failed = true;
                    failedOn = latest(failedOn, attempt.getStartedOn());
                } else if ("ONGOING".equals(attempt.getOutcome())) {
                    ongoing = true;
                    ongoingSince = latest(ongoingSince, attempt.getStartedOn());
                }
            }
            rungs.add(new LadderRung(i + 1, channel, failed, failedOn, ongoing, ongoingSince));
        }
        return rungs;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    public int getPosition() { return position; }
    public String getChannel() { return channel; }
    /** An earlier attempt on this channel ended in FAILED. */
    public boolean isFailed() { return failed; }
    public LocalDate getFailedOn() { return failedOn; }
    /** An earlier attempt on this channel is ONGOING. */
    public boolean isOngoing() { return ongoing; }
    public LocalDate getOngoingSince() { return ongoingSince; }
}
