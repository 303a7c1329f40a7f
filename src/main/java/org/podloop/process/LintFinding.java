package org.podloop.process;

/** Why a process definition would break a loop: the resource, the element and the reason. */
public record LintFinding(String resource, String elementId, String reason) {}
