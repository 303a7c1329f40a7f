package org.podloop.signal;

import java.util.List;

/** A team, its pod's Camunda group and the pod's members. */
public record TeamView(String key, String name, String podGroup, List<String> members) {}
