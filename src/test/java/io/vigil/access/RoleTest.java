package io.vigil.access;

import static io.vigil.access.Role.ADMIN;
import static io.vigil.access.Role.ANALYST;
import static io.vigil.access.Role.INGEST;
import static io.vigil.access.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {
    @Test
    void adminAllowsEverything() {
        for (Role required : Role.values()) {
            assertThat(ADMIN.allows(required)).as(required.name()).isTrue();
        }
    }

    @Test
    void readingRolesNestButIngestIsSeparate() {
        assertThat(ANALYST.allows(VIEWER)).isTrue();
        assertThat(ANALYST.allows(ANALYST)).isTrue();
        assertThat(ANALYST.allows(ADMIN)).isFalse();
        assertThat(ANALYST.allows(INGEST)).isFalse();
        assertThat(VIEWER.allows(ANALYST)).isFalse();
        assertThat(VIEWER.allows(INGEST)).isFalse();
        assertThat(INGEST.allows(INGEST)).isTrue();
        assertThat(INGEST.allows(VIEWER)).isFalse();
    }

    @Test
    void parsesNamesCaseInsensitivelyAndListsChoicesOnError() {
        assertThat(Role.parse(" Viewer")).isEqualTo(VIEWER);
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("ingest, viewer, analyst, admin");
    }
}
