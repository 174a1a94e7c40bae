package io.vigil.cases;

import io.vigil.alert.Alert;

/** Where a new alert went: the incident it joined or opened ({@code opened} when it started it). */
public record Placement(Incident incident, Alert alert, boolean opened) {
}
