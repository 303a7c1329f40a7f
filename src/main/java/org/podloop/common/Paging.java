package org.podloop.common;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The one check of a client's {@code page} and {@code size}, for every paged endpoint. A page is
 * refused once its offset (page × size) would pass what a database offset holds (an int), instead
 * of failing inside the query.
 */
public final class Paging {

    public static final int MAX_SIZE = 500;

    private Paging() {}

    /** The page request, or 400 naming {@code size} or {@code page}. */
    public static PageRequest of(int page, int size, Sort sort) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        int lastPage = Integer.MAX_VALUE / size - 1;
        if (page < 0 || page > lastPage) {
            throw new InvalidInputException("page", "must be between 0 and " + lastPage + " for size " + size);
        }
        return PageRequest.of(page, size, sort);
    }
}
