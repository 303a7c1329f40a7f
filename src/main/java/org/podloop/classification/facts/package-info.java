/**
 * The fact model the DRL in {@code rules/} reasons over. These classes are public because generated
 * rule code must reach them; nothing outside the classification module uses them.
 */
package org.podloop.classification.facts;
