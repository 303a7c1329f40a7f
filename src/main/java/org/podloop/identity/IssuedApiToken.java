package org.podloop.identity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to issuing a token: the only time its secret is shown. */
record IssuedApiToken(@JsonUnwrapped ApiTokenView token, String secret) {}
