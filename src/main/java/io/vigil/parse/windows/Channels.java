package io.vigil.parse.windows;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Canonical spelling of channel names, since some shippers lower-case them ("security"). */
public final class Channels {
    public static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
    public static final String SECURITY = "Security";
    public static final String SYSTEM = "System";
    public static final String APPLICATION = "Application";
    public static final String POWERSHELL_OPERATIONAL = "Microsoft-Windows-PowerShell/Operational";
    public static final String WINDOWS_POWERSHELL = "Windows PowerShell";

    private static final Map<String, String> BY_LOWER_CASE = new HashMap<>();

    static {
        for (String name : List.of(SYSMON, SECURITY, SYSTEM, APPLICATION, POWERSHELL_OPERATIONAL, WINDOWS_POWERSHELL,
                "Setup", "ForwardedEvents",
                "Microsoft-Windows-WMI-Activity/Operational", "Microsoft-Windows-TaskScheduler/Operational",
                "Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-Bits-Client/Operational",
                "Microsoft-Windows-DNS-Client/Operational", "Microsoft-Windows-CodeIntegrity/Operational",
                "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational",
                "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational",
                "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall",
                "Microsoft-Windows-NTLM/Operational", "Microsoft-Windows-SMBClient/Security",
                "Microsoft-Windows-AppLocker/EXE and DLL", "Microsoft-Windows-PrintService/Operational",
                "Microsoft-Windows-DriverFrameworks-UserMode/Operational", "Microsoft-Windows-Security-Mitigations/KernelMode",
                "Microsoft-Windows-LDAP-Client/Debug", "Microsoft-Windows-Shell-Core/Operational",
                "Microsoft-Windows-OpenSSH/Operational", "Microsoft-Windows-DNSServer/Analytical",
                "Microsoft-Windows-Kernel-ShimEngine/Operational", "Microsoft-Windows-CAPI2/Operational")) {
            BY_LOWER_CASE.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    private Channels() {}

    /** The canonical spelling of a known channel; an unknown one is returned as given. */
    public static String canonical(String channel) {
        if (channel == null) return null;
        String known = BY_LOWER_CASE.get(channel.toLowerCase(Locale.ROOT));
        return known != null ? known : channel;
    }
}
