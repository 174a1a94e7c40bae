// MITRE ATT&CK enterprise tactics in matrix order, and how Sigma tags name them
// (attack.initial_access, attack.t1059.001).
export const TACTICS = [
  ['reconnaissance', 'Reconnaissance'], ['resource_development', 'Resource Development'],
  ['initial_access', 'Initial Access'], ['execution', 'Execution'], ['persistence', 'Persistence'],
  ['privilege_escalation', 'Privilege Escalation'], ['defense_evasion', 'Defense Evasion'],
  ['credential_access', 'Credential Access'], ['discovery', 'Discovery'], ['lateral_movement', 'Lateral Movement'],
  ['collection', 'Collection'], ['command_and_control', 'Command and Control'], ['exfiltration', 'Exfiltration'],
  ['impact', 'Impact'],
];

/** rules → Map(tactic → Set of technique ids), counting only enabled rules. */
export function coverage(rules) {
  const byTactic = new Map(TACTICS.map(([key]) => [key, new Map()]));
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    const tags = (rule.tags || []).map(t => String(t).toLowerCase());
    const tactics = tags.filter(t => t.startsWith('attack.') && byTactic.has(t.slice(7).replace(/-/g, '_')))
      .map(t => t.slice(7).replace(/-/g, '_'));
    const techniques = tags.filter(t => /^attack\.t\d{4}(\.\d{3})?$/.test(t)).map(t => t.slice(7).toUpperCase());
    for (const tactic of tactics) {
      for (const technique of techniques.length ? techniques : ['(tactic only)']) {
        const rulesOf = byTactic.get(tactic);
        rulesOf.set(technique, (rulesOf.get(technique) || 0) + 1);
      }
    }
  }
  return byTactic;
}
