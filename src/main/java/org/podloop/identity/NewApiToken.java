package org.podloop.identity;

/** A token as an administrator asks for it: for which user, and a name that says what it is for. */
record NewApiToken(String user, String name) {}
