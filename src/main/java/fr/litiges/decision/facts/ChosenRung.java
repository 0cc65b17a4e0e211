package fr.litiges.decision.facts;

import fr.litiges.decision.api.Codes.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * One rung of the escalation ladder the ladder table chose for this customer (1 = first channel
 * to try), with the table row that chose it, so that a mistake in the row can name it.
 */
@ClassReactive
public final class ChosenRung {
    private final int position;
    private final String channel;
    private final String row;

    public ChosenRung(int position, String channel, String row) {
        this.position = position;
        this.channel = CauseFinding.parse(Channel.class, channel, "channel").name();
        this.row = row;
    }

    public int getPosition() { return position; }
    public String getChannel() { return channel; }
    public String getRow() { return row; }

    /**
     * The channels of the chosen rungs, first rung first. Rungs are filled from the first one,
     * without gaps: a row with a gap is the analyst's mistake, said as such.
     */
    public static List<String> ladder(Collection<?> rungs) {
        List<ChosenRung> sorted = new ArrayList<>(rungs.size());
        rungs.forEach(rung -> sorted.add((ChosenRung) rung));
        sorted.sort(Comparator.comparingInt(ChosenRung::getPosition));
        List<String> channels = new ArrayList<>(sorted.size());
        for (ChosenRung rung : sorted) {
            if (rung.position != channels.size() + 1) {
                String where = rung.row == null ? "" : " (" + rung.row + ")";
                throw new RowMistake("le recours " + rung.position + " est rempli mais le recours " + (channels.size() + 1)
                        + " est vide" + where + " : remplissez les recours depuis le premier, sans trou",
                        "rung " + rung.position + " is filled but rung " + (channels.size() + 1)
                        + " is empty" + where + ": fill the rungs from the first one, without gaps");
            }
            channels.add(rung.channel);
        }
        return List.copyOf(channels);
    }

    @Override
    public String toString() {
        return "ChosenRung " + position + " " + channel;
    }
}
