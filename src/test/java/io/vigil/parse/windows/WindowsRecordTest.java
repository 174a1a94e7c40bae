package io.vigil.parse.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.parse.json.FlattenException;
import io.vigil.parse.json.JsonFlattener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the record and the flat-style reader promise now that the readers hand their maps over without a copy
 * and the flat-style metadata test is a string switch (both performance-only changes).
 */
class WindowsRecordTest {
    private final JsonFlattener flattener = new JsonFlattener();
    private final WindowsJsonNormalizer windows = new WindowsJsonNormalizer(flattener);

    @Test
    void keepsItsOwnReadOnlyCopyOfACallersMapsInTheirOrder() {
        Map<String, Object> eventData = new LinkedHashMap<>();
        eventData.put("Zeta", "1");
        eventData.put("Alpha", "2");
        Map<String, Object> userData = new LinkedHashMap<>(Map.of("SubjectUserName", "eve"));
        WindowsRecord record = new WindowsRecord("Security", "4624", null, null, null, null, null, null, null,
                eventData, userData, null);
        eventData.put("Late", "3");
        userData.clear();
        assertThat(List.copyOf(record.eventData().keySet())).containsExactly("Zeta", "Alpha");
        assertThat(record.userData()).containsExactly(Map.entry("SubjectUserName", "eve"));
        assertThatThrownBy(() -> record.eventData().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> record.userData().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recordsReadFromJsonCannotBeChangedThroughTheirMaps() throws FlattenException {
        WindowsRecord record = windows.read(flattener.flatten(WindowsNormalizationTest.EVTX_SYSMON_1));
        assertThat(record.eventData()).containsEntry("CommandLine", "cmd.exe /c whoami");
        assertThatThrownBy(() -> record.eventData().remove("CommandLine")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> record.eventData().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void flatStyleKeepsRecordMetadataAndShipperLabelsOutOfEventDataInDocumentOrder() throws FlattenException {
        String flat = "{\"EventID\":4688,\"Channel\":\"Security\",\"Keywords\":\"0x8020\",\"NewProcessName\":\"c:\\\\a.exe\","
                + "\"RecordNumber\":7,\"ExecutionProcessID\":4,\"EventTypeOrignal\":\"AUDIT_SUCCESS\",\"@version\":\"1\","
                + "\"SubjectUserName\":\"bob\",\"SeverityValue\":2,\"Properties\":\"p\",\"MatchedQueryIds\":\"q\","
                + "\"labels\":{\"synthetic\":\"yes\"},\"CommandLine\":\"a.exe /x\",\"Hostname\":\"ws1\"}";
        WindowsRecord record = windows.read(flattener.flatten(flat));
        assertThat(List.copyOf(record.eventData().keySet())).containsExactly("NewProcessName", "SubjectUserName", "CommandLine");
        assertThat(record.recordId()).isEqualTo("7");
        assertThat(record.processId()).isEqualTo(4L);
        assertThat(record.computerName()).isEqualTo("ws1");
        assertThat(record.userData()).isEmpty();
    }
}
