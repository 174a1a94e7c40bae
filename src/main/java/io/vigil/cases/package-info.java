/**
 * Stage 8: incidents built from alerts: lifecycle, timeline, reports.
 */
package io.vigil.cases;
