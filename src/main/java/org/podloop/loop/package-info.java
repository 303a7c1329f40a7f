/**
 * The loop: one {@link org.podloop.loop.LoopService open loop} per team with its iterations and
 * timeline, the delegates and task listeners the BPMN processes in {@code processes/} call, and
 * re-measurement correlation. Each verification is announced ({@link org.podloop.loop.IterationVerified},
 * in its transaction) with the data governance counts; {@link org.podloop.loop.TrackRecord} is how the
 * recommendations ask for those counts back; {@link org.podloop.loop.Remeasurements} is how it asks for
 * the team's re-measurement when an intervention ends (the pulse module opens a round). It tells the process module what it needs of deployed definitions
 * ({@code LoopProcessContract}: its control variables, a re-measurement message) and guards those
 * variables on every engine write path ({@code internal.VariableWrites}). Engine glue lives in
 * {@code internal} (starting and correlating instances, the variables guard); other modules reach the
 * loop through {@link org.podloop.loop.LoopService}.
 */
package org.podloop.loop;
