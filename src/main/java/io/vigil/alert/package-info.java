/**
 * Stage 7: alerts raised by detection, stored and searchable; notifications.
 */
package io.vigil.alert;
