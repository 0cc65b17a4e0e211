/**
 * The Drools fact model. These classes carry data, never policy: every decision about a
 * complaint is written in {@code rules/} and {@code decision-tables/}. Facts are public with
 * getters because the rule compiler reads them by reflection; the ones the rules answer
 * (a question fact such as {@link fr.litiges.decision.facts.ChannelStep}) expose setters that
 * table actions call.
 */
package fr.litiges.decision.facts;
