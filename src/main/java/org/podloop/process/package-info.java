/**
 * Process-owner tooling and what deployed processes may do: deploying {@code processes/} and
 * deployments from our API or Camunda Modeler, the lint of every resource and expression site (run in
 * the engine for every deployment), migration of running instances, the allow-list of beans processes
 * may call ({@link org.podloop.process.ProcessCallable}), and the engine's guarded expression resolver,
 * class and script refusal at run time. The application that runs on the processes adds its own
 * checks through {@link org.podloop.process.ProcessContract}.
 */
package org.podloop.process;
