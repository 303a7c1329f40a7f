package org.podloop.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "teams")
class Team {

    @Id
    @Column(name = "team_key")
    private String key;

    private String name;
    private Instant createdAt;

    protected Team() {}

    Team(String key, String name, Instant createdAt) {
        this.key = key;
        this.name = name;
        this.createdAt = createdAt;
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }
}
