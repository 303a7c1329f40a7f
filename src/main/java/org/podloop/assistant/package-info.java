/**
 * The AI half of the pod: the assistant that writes the pod's brief before it chooses and governance's
 * debrief after verification, as the work of Camunda external tasks ({@code pod-assistant.brief},
 * {@code pod-assistant.debrief}) that {@code LoopIterationProcess} opens. The built-in assistant
 * ({@link org.podloop.assistant.BuiltInAssistant}: offline, deterministic) takes them in-process after the
 * step that opened them commits; with {@code podloop.assistant.provider=external} nobody here does, and a
 * team's own worker fetches them over {@code /engine-rest}, as a member of {@code pod-assistants} whom
 * {@code ExternalWorkerGuard} keeps to those two topics and their variables. What it writes is a draft for the humans, from
 * team-level facts only ({@link org.podloop.loop.PodTasks#factsFor}): never an answer, a name or a
 * suppressed metric.
 */
package org.podloop.assistant;
