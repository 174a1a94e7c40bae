package io.vigil.detect.compile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sigma Windows service names to event-log channels (lower-cased), after pySigma's windows pipeline. */
final class WindowsChannels {

    private static final Map<String, List<String>> CHANNELS = Map.ofEntries(
            Map.entry("security", List.of("Security")),
            Map.entry("application", List.of("Application")),
            Map.entry("system", List.of("System")),
            Map.entry("sysmon", List.of("Microsoft-Windows-Sysmon/Operational")),
            Map.entry("powershell", List.of("Microsoft-Windows-PowerShell/Operational", "PowerShellCore/Operational")),
            Map.entry("powershell-classic", List.of("Windows PowerShell")),
            Map.entry("taskscheduler", List.of("Microsoft-Windows-TaskScheduler/Operational")),
            Map.entry("wmi", List.of("Microsoft-Windows-WMI-Activity/Operational")),
            Map.entry("dns-server", List.of("DNS Server")),
            Map.entry("dns-server-audit", List.of("Microsoft-Windows-DNS-Server/Audit")),
            Map.entry("dns-server-analytic", List.of("Microsoft-Windows-DNS-Server/Analytical")),
            Map.entry("driver-framework", List.of("Microsoft-Windows-DriverFrameworks-UserMode/Operational")),
            Map.entry("ntlm", List.of("Microsoft-Windows-NTLM/Operational")),
            Map.entry("dhcp", List.of("Microsoft-Windows-DHCP-Server/Operational")),
            Map.entry("msexchange-management", List.of("MSExchange Management")),
            Map.entry("applocker", List.of("Microsoft-Windows-AppLocker/MSI and Script",
                    "Microsoft-Windows-AppLocker/EXE and DLL", "Microsoft-Windows-AppLocker/Packaged app-Deployment",
                    "Microsoft-Windows-AppLocker/Packaged app-Execution")),
            Map.entry("printservice-admin", List.of("Microsoft-Windows-PrintService/Admin")),
            Map.entry("printservice-operational", List.of("Microsoft-Windows-PrintService/Operational")),
            Map.entry("codeintegrity-operational", List.of("Microsoft-Windows-CodeIntegrity/Operational")),
            Map.entry("smbclient-security", List.of("Microsoft-Windows-SmbClient/Security")),
            Map.entry("firewall-as", List.of("Microsoft-Windows-Windows Firewall With Advanced Security/Firewall")),
            Map.entry("bits-client", List.of("Microsoft-Windows-Bits-Client/Operational")),
            Map.entry("windefend", List.of("Microsoft-Windows-Windows Defender/Operational")),
            Map.entry("terminalservices-localsessionmanager",
                    List.of("Microsoft-Windows-TerminalServices-LocalSessionManager/Operational")),
            Map.entry("microsoft-servicebus-client", List.of("Microsoft-ServiceBus-Client")),
            Map.entry("ldap_debug", List.of("Microsoft-Windows-LDAP-Client/Debug")),
            Map.entry("security-mitigations", List.of("Microsoft-Windows-Security-Mitigations/Kernel Mode",
                    "Microsoft-Windows-Security-Mitigations/User Mode")),
            Map.entry("diagnosis-scripted", List.of("Microsoft-Windows-Diagnosis-Scripted/Operational")),
            Map.entry("shell-core", List.of("Microsoft-Windows-Shell-Core/Operational")),
            Map.entry("openssh", List.of("OpenSSH/Operational")),
            Map.entry("bitlocker", List.of("Microsoft-Windows-BitLocker/BitLocker Management")),
            Map.entry("vhdmp", List.of("Microsoft-Windows-VHDMP/Operational")),
            Map.entry("appxdeployment-server", List.of("Microsoft-Windows-AppXDeploymentServer/Operational")),
            Map.entry("lsa-server", List.of("Microsoft-Windows-LSA/Operational")),
            Map.entry("appxpackaging-om", List.of("Microsoft-Windows-AppxPackaging/Operational")),
            Map.entry("dns-client", List.of("Microsoft-Windows-DNS Client Events/Operational")),
            Map.entry("appmodel-runtime", List.of("Microsoft-Windows-AppModel-Runtime/Admin")),
            Map.entry("capi2", List.of("Microsoft-Windows-CAPI2/Operational")),
            Map.entry("certificateservicesclient-lifecycle-system",
                    List.of("Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational")));

    private WindowsChannels() {}

    /** Lower-cased channels for a service, or an empty list when the service is unknown. */
    static List<String> of(String service) {
        return CHANNELS.getOrDefault(service, List.of()).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }
}
