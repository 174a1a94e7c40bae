package io.vigil.web.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Sigma rules the browser tests run with: one that fires on the XSS corpus (so alerts carry hostile
 * text, and its title is hostile too), one on failed logons of a service account, one for encoded
 * PowerShell (to toggle), and a broken file whose name is hostile (a load problem to show).
 */
final class TestRules {
    static final String SCRIPT_URL_ID = "7c0a0000-0000-4000-8000-000000000001";
    static final String SVC_LOGON_ID = "7c0a0000-0000-4000-8000-000000000002";
    static final String POWERSHELL_ID = "7c0a0000-0000-4000-8000-000000000003";
    static final String BROKEN_ID = "7c0a0000-0000-4000-8000-000000000009";
    static final String BROKEN_FILE = "broken<img src=x onerror=alert('xss-file')>.yml";

    static final String SCRIPT_URL = """
            title: Script URL in an event <img src=x onerror=alert('xss-rule')>
            id: %s
            status: test
            level: high
            description: A URL that runs script when followed, as sent by a hostile client
            tags: [attack.initial_access, attack.t1189]
            logsource: { category: webserver }
            detection:
              selection:
                url.original|startswith: 'javascript:'
              condition: selection
            falsepositives:
              - Bookmarklets <b>pasted</b> by users
            """.formatted(SCRIPT_URL_ID);

    static final String SVC_LOGON = """
            title: Failed logon of the backup service account on a domain controller
            id: %s
            status: test
            level: medium
            tags: [attack.credential_access, attack.t1110]
            logsource: { category: authentication }
            detection:
              selection:
                event.action: logon-failed
                user.name: svc_backup
                host.name: dc-01
              condition: selection
            """.formatted(SVC_LOGON_ID);

    static final String POWERSHELL = """
            title: Encoded PowerShell command line
            id: %s
            status: experimental
            level: medium
            tags: [attack.execution, attack.t1059.001]
            logsource: { product: windows, category: process_creation }
            detection:
              selection:
                Image|endswith: '\\\\powershell.exe'
                CommandLine|contains: ' -enc '
              condition: selection
            """.formatted(POWERSHELL_ID);

    static final String BROKEN = """
            title: A rule whose condition names a selection that does not exist
            id: 7c0a0000-0000-4000-8000-000000000009
            logsource: { category: webserver }
            detection:
              selection:
                url.original: x
              condition: selection and missing_selection
            """;

    private TestRules() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("script-url.yml"), SCRIPT_URL);
        Files.writeString(dir.resolve("svc-logon.yml"), SVC_LOGON);
        Files.writeString(dir.resolve("encoded-powershell.yml"), POWERSHELL);
        Files.writeString(dir.resolve(BROKEN_FILE), BROKEN);
        return dir;
    }
}
