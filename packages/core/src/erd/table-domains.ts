import type { Catalog } from '../catalog/catalog-model.js';
import type { MappingContract } from '../contract/contract-model.js';
import { baseTableTokens, moduleOf } from './table-name-tokens.js';

/**
 * Name rules for the core PAS domains, tried in order on a table's base name tokens (archive/audit/history markers
 * removed). Each rule lists token sequences that must appear at the start of the name. Editable vocabulary, not a
 * per-schema answer list: it names the usual PAS modules.
 */
export const domainNameRules: ReadonlyArray<{ domain: string; prefixes: ReadonlyArray<readonly string[]> }> = [
  {
    domain: 'CODING',
    prefixes: [
      ['CODE', 'DIAG'],
      ['CODE', 'PROC'],
      ['CODING'],
      ['CLIN', 'CODING'],
      ['OP', 'APPT', 'CODING'],
      ['DIAGNOSIS'],
      ['PROCEDURE'],
    ],
  },
  { domain: 'PMI', prefixes: [['PATIENT'], ['PAT'], ['PMI'], ['PERSON']] },
  { domain: 'RTT', prefixes: [['RTT'], ['PATHWAY']] },
  {
    domain: 'IWL',
    prefixes: [['IP', 'WLIST'], ['IP', 'WL'], ['IP', 'TCI'], ['IWL'], ['WAITING', 'LIST'], ['WL'], ['TCI']],
  },
  {
    domain: 'OPD',
    prefixes: [['OP', 'WLIST'], ['OP', 'WL'], ['OP', 'APPT'], ['OPD'], ['OUTPATIENT'], ['APPT'], ['APPOINTMENT']],
  },
  {
    domain: 'ADT',
    prefixes: [['ADM'], ['ADMISSION'], ['ADT'], ['SPELL'], ['EPISODE'], ['WARDSTAY'], ['DISCH'], ['IP']],
  },
  { domain: 'MH', prefixes: [['MH'], ['MHA'], ['MENTAL']] },
  {
    domain: 'REF',
    prefixes: [
      ['REFERRAL'],
      ['LKP'],
      ['LU'],
      ['LOOKUP'],
      ['STAFF'],
      ['SITE'],
      ['WARD'],
      ['SPECIALTY'],
      ['SPEC'],
      ['CLINIC'],
      ['OP', 'CLINIC'],
      ['OP', 'SESSION'],
      ['OP', 'SLOT'],
      ['CONSULTANT'],
      ['GP'],
      ['PRACTICE'],
    ],
  },
];

function startsWith(tokens: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => tokens[i] === p);
}

/** The domain a table's name gives by {@link domainNameRules}; undefined when no rule applies. */
export function domainFromName(table: string): string | undefined {
  const tokens = baseTableTokens(table);
  // The longest matching prefix wins: OP_CLINIC is REF although OP_ tables are OPD.
  let best: { domain: string; length: number } | undefined;
  for (const rule of domainNameRules) {
    for (const prefix of rule.prefixes) {
      if (startsWith(tokens, prefix) && (!best || prefix.length > best.length))
        best = { domain: rule.domain, length: prefix.length };
    }
  }
  return best?.domain;
}

/**
 * A domain for every catalog table: the contract's domain for tables it loads (and their archive, audit and history
 * copies), else the name rules, else the table's module prefix when at least `minModuleTables` tables share it
 * (PATH, RAD, AE, ...), else OTHER.
 *
 * @example
 * deriveTableDomains(catalog, contract).get('ARC_ADM_SPELL') // => 'ADT'
 */
export function deriveTableDomains(
  catalog: Catalog,
  contract?: MappingContract,
  minModuleTables = 3,
): Map<string, string> {
  const fromContract = new Map<string, string>();
  for (const t of contract?.tables ?? []) if (!fromContract.has(t.source)) fromContract.set(t.source, t.domain);
  const baseDomain = new Map<string, string>();
  for (const [table, domain] of fromContract) baseDomain.set(baseTableTokens(table).join('_'), domain);
  const moduleSize = new Map<string, number>();
  for (const t of catalog.tables) moduleSize.set(moduleOf(t.name), (moduleSize.get(moduleOf(t.name)) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const t of catalog.tables) {
    const module = moduleOf(t.name);
    const domain =
      fromContract.get(t.name) ??
      baseDomain.get(baseTableTokens(t.name).join('_')) ??
      domainFromName(t.name) ??
      (module && (moduleSize.get(module) ?? 0) >= minModuleTables ? module : 'OTHER');
    out.set(t.name, domain);
  }
  return out;
}
