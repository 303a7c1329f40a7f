package org.podloop.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/** Content hashes: of snapshots (idempotency) and of the rules folder (ruleset version). */
public final class Sha256 {

    private Sha256() {}

    /** The lower-case hex SHA-256 of whatever {@code content} feeds into the digest. */
    public static String hex(Consumer<MessageDigest> content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            content.accept(digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
