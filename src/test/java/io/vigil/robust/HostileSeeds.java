package io.vigil.robust;

import java.util.List;

/** Valid examples per fuzz target, which {@link HostileInputs} mutates. */
final class HostileSeeds {
    private HostileSeeds() {}

    static final List<String> SYSLOG = List.of(
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - BOM'su root' failed\n",
            "65 <13>1 2026-11-29T10:00:00Z host app 1 - [ex@1 a=\"b\"] octet counted message",
            "<13>Nov 29 10:00:00 host sshd[42]: Failed password for root from 10.0.0.5 port 22 ssh2\n",
            "12 <13>hello\n0 \n<13>line one\r\n<13>line two\n");

    static final List<String> BULK = List.of(
            "{\"index\":{\"_index\":\"logs\"}}\n{\"@timestamp\":\"2026-11-29T10:00:00Z\",\"message\":\"hi\"}\n",
            "{\"create\":{}}\n{\"a\":{\"b\":[1,2,{\"c\":null}]}}\n{\"delete\":{\"_id\":\"1\"}}\n",
            "{\"index\":{\"_id\":\"x\",\"pipeline\":\"p\"}}\n{\"message\":\"\\u00e9\\ud83d\\ude00\"}\n{\"update\":{\"_id\":\"x\"}}\n{\"doc\":{}}\n");

    static final List<String> DECODERS = List.of(
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"App\"] msg",
            "<38>Nov 29 10:00:00 web-1 sshd[4242]: Failed password for invalid user admin from 203.0.113.9 port 52311 ssh2",
            "{\"EventID\":4625,\"Channel\":\"Security\",\"Computer\":\"dc1\",\"EventData\":{\"TargetUserName\":\"bob\",\"IpAddress\":\"10.0.0.5\"}}",
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"-\" \"curl/8\"",
            "{\"timestamp\":\"2026-11-29T10:00:00.000000+0000\",\"event_type\":\"alert\",\"src_ip\":\"10.0.0.1\",\"alert\":{\"signature\":\"x\"}}",
            "<4>Nov 29 10:00:00 fw kernel: IN=eth0 OUT= MAC=00 SRC=10.0.0.1 DST=10.0.0.2 LEN=60 PROTO=TCP SPT=1 DPT=22",
            "<22>Nov 29 10:00:00 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[1.2.3.4]: 554 5.7.1 <a@b>: Relay access denied",
            "{\"@timestamp\":\"2026-11-29T10:00:00Z\",\"process\":{\"command_line\":\"vssadmin delete shadows /all\"}}");

    static final List<String> QUERIES = List.of(
            "user.name:bob AND event.code:4625",
            "(source.ip:10.0.0.0/8 OR destination.port:[1000 TO 2000]) -host.name:web*",
            "message:\"failed password\" AND NOT _exists_:user.name",
            "event.duration >= 100 && process.command_line:*shadows* || url.path:/admin?x=1");

    static final List<String> SIGMA = List.of("""
            title: Shadow copies deleted
            id: 5f1a0000-0000-4000-8000-000000000001
            status: test
            level: high
            logsource: { product: windows, category: process_creation }
            detection:
              selection:
                Image|endswith: '\\\\vssadmin.exe'
                CommandLine|contains|all: [delete, shadows]
              filter:
                User|re: '^SYSTEM$'
              condition: selection and not filter
            """, """
            title: Many failures
            id: 5f1a0000-0000-4000-8000-000000000002
            correlation:
              type: event_count
              rules: [5f1a0000-0000-4000-8000-000000000001]
              group-by: [host.name]
              timespan: 5m
              condition: { gte: 10 }
            ---
            title: second
            logsource: { product: linux }
            detection: { sel: { message|base64offset|contains: evil }, condition: 1 of sel* }
            """);
}
