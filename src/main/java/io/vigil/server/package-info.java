/**
 * The composition root: command line, configuration, wiring of the stages in data-flow order, lifecycle.
 */
package io.vigil.server;
