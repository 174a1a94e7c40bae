package io.vigil.store;

import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded Windows-Security-like events of about 2 KB of raw JSON each, for size and throughput measurements.
 * The raw text is a nested JSON rendering; the flat fields carry the same values the way a decoder would.
 */
final class SyntheticEvents {
    private static final String[] CODES = {"4624", "4625", "4688", "4672", "4634", "4648", "4768", "4769", "5140", "4720"};
    private static final String[] PROCESSES = {"svchost.exe", "powershell.exe", "cmd.exe", "lsass.exe", "explorer.exe",
            "chrome.exe", "rundll32.exe", "wmiprvse.exe", "services.exe", "msiexec.exe"};

    private final Random random;
    private final boolean withEventOriginal;

    SyntheticEvents(long seed, boolean withEventOriginal) {
        this.random = new Random(seed);
        this.withEventOriginal = withEventOriginal;
    }

    StoredEvent next(String id, long timestamp) {
        Map<String, Object> f = new LinkedHashMap<>();
        String code = CODES[random.nextInt(CODES.length)];
        String host = "WS-" + (1000 + random.nextInt(200)) + ".corp.example.com";
        String user = "user" + random.nextInt(500);
        String process = PROCESSES[random.nextInt(PROCESSES.length)];
        String ip = "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + random.nextInt(256);
        f.put("@timestamp", Instant.ofEpochMilli(timestamp).toString());
        f.put("event.code", code);
        f.put("event.kind", "event");
        f.put("event.category", List.of("authentication"));
        f.put("event.action", code.equals("4625") ? "logon-failed" : "logged-in");
        f.put("event.outcome", code.equals("4625") ? "failure" : "success");
        f.put("event.provider", "Microsoft-Windows-Security-Auditing");
        f.put("event.module", "windows");
        f.put("event.dataset", "windows.security");
        f.put("host.name", host);
        f.put("host.os.family", "windows");
        f.put("host.os.version", "10.0.19045");
        f.put("user.name", user);
        f.put("user.domain", "CORP");
        f.put("source.ip", ip);
        f.put("source.port", (long) (49152 + random.nextInt(16000)));
        f.put("process.name", process);
        f.put("process.pid", (long) (100 + random.nextInt(9000)));
        f.put("process.executable", "C:\\Windows\\System32\\" + process);
        f.put("process.command_line", "C:\\Windows\\System32\\" + process + " -k netsvcs -p -s Schedule " + random.nextInt(100));
        f.put("winlog.channel", "Security");
        f.put("winlog.event_id", code);
        f.put("winlog.provider_name", "Microsoft-Windows-Security-Auditing");
        f.put("winlog.provider_guid", "{54849625-5478-4994-a5ba-3e3b0328c30d}");
        f.put("winlog.computer_name", host);
        f.put("winlog.record_id", (long) random.nextInt(1 << 30));
        f.put("winlog.process.pid", 636L);
        f.put("winlog.process.thread.id", (long) random.nextInt(20000));
        f.put("winlog.keywords", List.of("Audit Success"));
        f.put("winlog.opcode", "Info");
        f.put("winlog.task", "Logon");
        f.put("winlog.event_data.SubjectUserSid", "S-1-5-18");
        f.put("winlog.event_data.SubjectUserName", host.substring(0, 7) + "$");
        f.put("winlog.event_data.SubjectDomainName", "CORP");
        f.put("winlog.event_data.SubjectLogonId", "0x3e7");
        f.put("winlog.event_data.TargetUserSid", "S-1-5-21-3623811015-3361044348-30300820-" + (1000 + random.nextInt(500)));
        f.put("winlog.event_data.TargetUserName", user);
        f.put("winlog.event_data.TargetDomainName", "CORP");
        f.put("winlog.event_data.TargetLogonId", "0x" + Long.toHexString(random.nextLong() & 0xffffffffL));
        f.put("winlog.event_data.LogonType", Integer.toString(2 + random.nextInt(9)));
        f.put("winlog.event_data.LogonProcessName", "User32 ");
        f.put("winlog.event_data.AuthenticationPackageName", "Negotiate");
        f.put("winlog.event_data.WorkstationName", host.substring(0, 7));
        f.put("winlog.event_data.LogonGuid", "{00000000-0000-0000-0000-000000000000}");
        f.put("winlog.event_data.TransmittedServices", "-");
        f.put("winlog.event_data.LmPackageName", "-");
        f.put("winlog.event_data.KeyLength", "0");
        f.put("winlog.event_data.ProcessId", "0x" + Integer.toHexString(random.nextInt(0xffff)));
        f.put("winlog.event_data.ProcessName", "C:\\Windows\\System32\\" + process);
        f.put("winlog.event_data.IpAddress", ip);
        f.put("winlog.event_data.IpPort", Integer.toString(49152 + random.nextInt(16000)));
        f.put("winlog.event_data.ImpersonationLevel", "%%1833");
        f.put("winlog.event_data.ElevatedToken", "%%1842");
        f.put("message", "An account was successfully logged on. Subject: Security ID: SYSTEM Account Name: "
                + host.substring(0, 7) + "$ Account Domain: CORP Logon ID: 0x3E7 Logon Information: Logon Type: "
                + f.get("winlog.event_data.LogonType") + " New Logon: Account Name: " + user + " Process Name: "
                + f.get("process.executable") + " Network Information: Source Network Address: " + ip);
        byte[] raw = nestedJson(f).getBytes(StandardCharsets.UTF_8);
        if (withEventOriginal) f.put("event.original", new String(raw, StandardCharsets.UTF_8));
        return new StoredEvent(new Event(id, timestamp, f), raw);
    }

    /** A nested-JSON rendering of the flat map, like a shipper would send (keys split on dots). */
    private static String nestedJson(Map<String, Object> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String[] parts = e.getKey().equals("@timestamp") ? new String[] {"@timestamp"} : e.getKey().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                node = child;
            }
            node.put(parts[parts.length - 1], e.getValue());
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
