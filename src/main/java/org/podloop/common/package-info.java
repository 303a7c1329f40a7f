/**
 * The shared kernel: the few exception types every module may throw, the one builder of RFC 7807
 * problem JSON ({@code Problems}) and the advice that turns those exceptions (and Spring's own input
 * errors, lost races, unknown paths) into it, request body limits, strict JSON reading, paging and
 * free-text limits, the clock, and bulk-write support.
 */
@ApplicationModule(type = Type.OPEN)
package org.podloop.common;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.ApplicationModule.Type;
