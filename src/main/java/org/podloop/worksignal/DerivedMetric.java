package org.podloop.worksignal;

/**
 * One team-level metric derived from work items: its value (rounded to one decimal), how many items (or
 * spells) it rests on, and a plain basis such as "median of 23 items active in the period", so a reader
 * can see what the number stands on.
 */
record DerivedMetric(String metric, double value, int items, String basis) {}
