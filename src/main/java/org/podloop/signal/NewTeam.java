package org.podloop.signal;

import java.util.List;

/** A team as a client creates it; members must be existing users. */
public record NewTeam(String key, String name, List<String> members) {}
