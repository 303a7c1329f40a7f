package org.podloop.loop;

import java.util.UUID;

/**
 * An iteration waits for the assistant: an external task on {@code topic} (the brief or the debrief) is
 * open for the loop's iteration. Published in the transaction that opened it; a worker may take it after
 * that commits.
 */
public record AssistantWorkRequested(String topic, UUID loopId, String processInstanceId) {}
