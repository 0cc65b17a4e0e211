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

    public int getPosition() { return position; }
    public String getChannel() { return channel; }
    /** An earlier attempt on this channel ended in FAILED. */
    public boolean isFailed() { return failed; }
    public LocalDate getFailedOn() { return failedOn; }
    /** An earlier attempt on this channel is ONGOING. */
    public boolean isOngoing() { return ongoing; }
    public LocalDate getOngoingSince() { return ongoingSince; }
}
