package org.podloop.common;

import java.io.IOException;

/** Thrown while reading a request body that passes its cap ({@code RequestBodyLimit}); answered with 400 naming {@code body}. */
public class BodyTooLargeException extends IOException {

    BodyTooLargeException(String message) {
        super(message);
    }
}
