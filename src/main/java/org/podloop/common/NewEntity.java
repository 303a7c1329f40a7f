package org.podloop.common;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id it assigns itself (a UUID made in its constructor): new until it was persisted or
 * loaded. Spring Data takes an entity with an id and no version for a stored one and merges it, which
 * costs a select (with the entity's eager collections) before every insert; this tells it apart.
 */
@MappedSuperclass
public abstract class NewEntity<I> implements Persistable<I> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostPersist
    @PostLoad
    protected void markStored() {
        stored = true;
    }
}
