/**
 * Stage 4: Sigma rules compiled into a fast engine that sees every event as it is parsed, plus correlations over time windows.
 */
package io.vigil.detect;
