package io.vigil.web.posture;

import java.util.Objects;

/** One line of the posture report: what was looked at, how it stands, and what to do about it. */
public record PostureCheck(String area, Status status, String finding, String fix) {
    public enum Status { FAIL, WARN, PASS }

    public PostureCheck {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finding, "finding");
        fix = fix == null ? "" : fix;
    }
}
