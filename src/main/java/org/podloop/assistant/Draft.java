package org.podloop.assistant;

/** What the assistant wrote, who wrote it ({@code built-in} or a model's name), and the hash of what it was given. */
record Draft(String text, String worker, String promptHash) {}
