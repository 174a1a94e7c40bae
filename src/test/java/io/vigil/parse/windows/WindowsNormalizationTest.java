package io.vigil.parse.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.parse.json.JsonFlattener;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class WindowsNormalizationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, CLOCK);

    public static final String EVTX_SYSMON_1 = """
            {"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},
             "System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon","Guid":"5770385F"}},
              "EventID":1,"TimeCreated":{"#attributes":{"SystemTime":"2026-04-17T05:24:53.092051Z"}},
              "EventRecordID":83239,"Execution":{"#attributes":{"ProcessID":3208,"ThreadID":1724}},
              "Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws1","Security":{"#attributes":{"UserID":"S-1-5-18"}}},
             "EventData":{"Image":"C:\\\\Windows\\\\System32\\\\cmd.exe","CommandLine":"cmd.exe /c whoami",
              "ProcessId":15596,"ParentImage":"C:\\\\Windows\\\\explorer.exe","ParentCommandLine":"explorer.exe",
              "User":"CORP\\\\alice","Hashes":"SHA1=AB,MD5=CD,SHA256=EF,IMPHASH=01"}}}""".replace("\n", "");

    public static final String FLAT_SECURITY_4624 = "{\"EventID\":4624,\"Channel\":\"security\",\"Hostname\":\"DC1\","
            + "\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"TimeCreated\":\"2020-10-21 12:19:01.088\","
            + "\"TargetUserName\":\"bob\",\"TargetDomainName\":\"CORP\",\"LogonType\":\"3\","
            + "\"IpAddress\":\"::ffff:10.0.0.5\",\"IpPort\":\"50123\",\"Message\":\"An account was successfully logged on.\"}";

    public static final String XML_SYSTEM_7045 = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
            + "<System><Provider Name='Service Control Manager'/><EventID Qualifiers='16384'>7045</EventID>"
            + "<TimeCreated SystemTime='2021-01-02T03:04:05.678901Z'/><EventRecordID>77</EventRecordID>"
            + "<Execution ProcessID='600' ThreadID='700'/><Channel>System</Channel><Computer>srv</Computer>"
            + "<Security UserID='S-1-5-18'/></System><EventData><Data Name='ServiceName'>evil</Data>"
            + "<Data Name='ImagePath'>c:\\evil.exe</Data><Data Name='AccountName'>LocalSystem</Data></EventData></Event>";

    Event parse(String line) {
        return parser.parse(new RawBatch("t", "", "", 0, List.of(line.getBytes(StandardCharsets.UTF_8))), 1)
                .getFirst().event();
    }

    @Test
    void normalizesSysmonProcessCreationFromEvtxDumpJson() {
        Event e = parse(EVTX_SYSMON_1);
        assertThat(e.fields()).containsEntry("winlog.channel", "Microsoft-Windows-Sysmon/Operational")
                .containsEntry("winlog.event_id", "1").containsEntry("winlog.provider_name", "Microsoft-Windows-Sysmon")
                .containsEntry("winlog.computer_name", "ws1").containsEntry("winlog.record_id", "83239")
                .containsEntry("winlog.process.pid", 3208L).containsEntry("winlog.event_data.ProcessId", "15596")
                .containsEntry("event.code", "1").containsEntry("event.module", "sysmon").containsEntry("host.name", "ws1")
                .containsEntry("event.category", List.of("process"))
                .containsEntry("process.executable", "C:\\Windows\\System32\\cmd.exe").containsEntry("process.name", "cmd.exe")
                .containsEntry("process.command_line", "cmd.exe /c whoami").containsEntry("process.pid", 15596L)
                .containsEntry("process.parent.executable", "C:\\Windows\\explorer.exe")
                .containsEntry("process.parent.command_line", "explorer.exe")
                .containsEntry("user.name", "alice").containsEntry("user.domain", "CORP")
                .containsEntry("process.hash.sha256", "EF").containsEntry("process.hash.md5", "CD")
                .containsEntry("@timestamp", "2026-04-17T05:24:53.092Z");
        assertThat(e.fields()).doesNotContainKey("Event.System.Channel");
    }

    @Test
    void normalizesAFlatSecurityLogonWithALowerCaseChannel() {
        Event e = parse(FLAT_SECURITY_4624);
        assertThat(e.fields()).containsEntry("winlog.channel", "Security").containsEntry("event.module", "windows")
                .containsEntry("user.name", "bob").containsEntry("user.domain", "CORP")
                .containsEntry("source.ip", "10.0.0.5").containsEntry("source.port", 50123L)
                .containsEntry("winlog.logon.type", "Network").containsEntry("event.outcome", "success")
                .containsEntry("event.category", List.of("authentication")).containsEntry("host.name", "DC1")
                .containsEntry("message", "An account was successfully logged on.")
                .containsEntry("@timestamp", "2020-10-21T12:19:01.088Z")
                .containsEntry("winlog.event_data.TargetUserName", "bob").doesNotContainKey("Hostname");
    }

    @Test
    void normalizesRawXmlAndIgnoresItsQualifiers() {
        Event e = parse(XML_SYSTEM_7045);
        assertThat(e.fields()).containsEntry("winlog.channel", "System").containsEntry("winlog.event_id", "7045")
                .containsEntry("winlog.provider_name", "Service Control Manager").containsEntry("service.name", "evil")
                .containsEntry("winlog.event_data.ImagePath", "c:\\evil.exe").containsEntry("winlog.process.pid", 600L)
                .containsEntry("@timestamp", "2021-01-02T03:04:05.678Z").containsEntry("host.name", "srv");
    }

    @Test
    void refusesExternalEntitiesInXml() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE e [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<Event><System><EventID>&x;</EventID></System></Event>";
        Event e = parse(xxe);
        assertThat(e.hasTag("_parse_failure")).isTrue();
        assertThat(e.fields().toString()).doesNotContain("root:");
    }

    @Test
    void givesTheSameNormalizedFieldsForEveryShapeOfTheSameEvent() throws Exception {
        JsonFlattener flattener = new JsonFlattener();
        WindowsJsonNormalizer windows = new WindowsJsonNormalizer(flattener);
        for (String line : List.of(EVTX_SYSMON_1, FLAT_SECURITY_4624)) {
            WindowsRecord record = windows.read(flattener.flatten(line));
            Map<String, Object> direct = parse(line).fields();
            assertThat(parse(new String(WindowsRenderings.winlogbeat(record), StandardCharsets.UTF_8)).fields())
                    .isEqualTo(direct);
            assertThat(parse(WindowsRenderings.xml(record)).fields()).isEqualTo(direct);
        }
    }

    @Test
    void readsUserDataAndUnnamedEventData() {
        String evtx = "{\"Event\":{\"System\":{\"EventID\":{\"#text\":104,\"#attributes\":{\"Qualifiers\":0}},"
                + "\"Channel\":\"System\",\"Computer\":\"h\"},\"UserData\":{\"LogFileCleared\":{\"SubjectUserName\":\"eve\","
                + "\"Channel\":\"Security\"}}}}";
        Event e = parse(evtx);
        assertThat(e.fields()).containsEntry("winlog.event_id", "104").containsEntry("winlog.user_data.SubjectUserName", "eve")
                .containsEntry("user.name", "eve").containsEntry("event.action", "audit-log-cleared");
        String unnamed = "{\"Event\":{\"System\":{\"EventID\":7036,\"Channel\":\"System\"},"
                + "\"EventData\":{\"Data\":[\"Windows Update\",\"running\"]}}}";
        assertThat(parse(unnamed).fields()).containsEntry("service.name", "Windows Update")
                .containsEntry("service.state", "running");
    }
}
