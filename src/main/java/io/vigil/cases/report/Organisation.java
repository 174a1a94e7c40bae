package io.vigil.cases.report;

import java.util.Objects;

/** Who reports: the organisation and its incident contact, as national CERT forms ask for. */
public record Organisation(String name, String contactName, String contactEmail, String contactPhone) {
    public Organisation {
        Objects.requireNonNull(name, "reports.organisation");
        contactName = contactName == null ? "" : contactName;
        contactEmail = contactEmail == null ? "" : contactEmail;
        contactPhone = contactPhone == null ? "" : contactPhone;
    }
}
