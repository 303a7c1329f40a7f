package org.podloop.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * The request body caps of {@link RequestBodyLimit}: {@code podloop.api.max-body}, {@code podloop.import.max-body},
 * {@code podloop.processes.max-deployment} (values in application.yaml). The other settings under these
 * prefixes belong to other modules and are not bound here.
 */
@ConfigurationProperties("podloop")
record ApiProperties(BodyCap api, @Name("import") BodyCap csvImport, Deployments processes) {

    record BodyCap(DataSize maxBody) {}

    record Deployments(DataSize maxDeployment) {}
}
