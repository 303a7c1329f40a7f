package org.podloop.audit;

/** The result of walking the chain: intact with its length, or the first entry whose content or link does not match. */
public record ChainCheck(boolean intact, long entries, Long firstBrokenEntryId, String problem) {}
