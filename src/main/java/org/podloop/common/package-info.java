/**
 * The shared kernel: the few exception types every module may throw and the one place that turns
 * them (and Spring's own input errors) into RFC 7807 problem JSON naming the bad field.
 */
@ApplicationModule(type = Type.OPEN)
package org.podloop.common;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.ApplicationModule.Type;
