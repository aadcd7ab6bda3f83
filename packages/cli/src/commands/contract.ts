import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import {
  type ContractDiff,
  ContractStore,
  contractHash,
  diffContracts,
  editRows,
  FerryError,
  formatContractCsv,
  type MappingContract,
  reviewRows,
} from '@ferry/core';
import type { Command } from 'commander';
import { action } from '../run-command.js';
import {
  contractSource,
  type RowFilterFlags,
  readContractAny,
  resolveContractRef,
  reviewStatusOption,
  rowFilterFromFlags,
  timeOption,
} from './contract-inputs.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const rows = (c: MappingContract) => c.tables.reduce((n, t) => n + t.fields.length, 0);

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}

function addRowFilters(cmd: Command): Command {
  return cmd
    .option('--table <pattern>', 'target or source table (* wildcards)')
    .option('--column <pattern>', 'target column or a source column (* wildcards)')
    .option('--current-status <list>', 'rows now in these statuses (comma-separated)')
    .option('--domain <domain>', 'tables of this domain (PMI, RTT, ...)')
    .option('--owner <name>', "rows of this owner ('' for rows with none)")
    .option('--mandatory <Y|N>', 'mandatory or optional rows')
    .option('--text <text>', 'rows mentioning this text (names, transform, notes, ...)')
    .option('--all', 'every row (when no other filter is given)');
}

function printDiff(d: ContractDiff): void {
  const show = (v: unknown) => (v === null ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
  out(
    `${d.from.slice(0, 12)} -> ${d.to.slice(0, 12)}: ${d.counts.rowsAdded} rows added, ${d.counts.rowsRemoved} removed, ${d.counts.rowsChanged} changed`,
  );
  for (const c of d.contract) out(`  contract ${c.attribute}: ${show(c.before)} -> ${show(c.after)}`);
  for (const t of d.tables.added) out(`+ table ${t}`);
  for (const t of d.tables.removed) out(`- table ${t}`);
  for (const t of d.tables.changed)
    for (const c of t.changes) out(`~ table ${t.table} ${c.attribute}: ${show(c.before)} -> ${show(c.after)}`);
  for (const r of d.rows.added) out(`+ ${r.table}.${r.column}`);
  for (const r of d.rows.removed) out(`- ${r.table}.${r.column}`);
  for (const r of d.rows.changed)
    for (const c of r.changes) out(`~ ${r.table}.${r.column} ${c.attribute}: ${show(c.before)} -> ${show(c.after)}`);
}

interface StoreFlags {
  store: string;
  by?: string;
  at?: string;
  message?: string;
  label?: string;
  json?: boolean;
}

/** Saves a changed contract as a new version whose parent is the version it came from. */
async function saveChild(
  flags: StoreFlags,
  parentHash: string,
  contract: MappingContract,
  who: { by: string; at: string },
  message: string,
) {
  const next = flags.label ? { ...contract, label: flags.label } : contract;
  return new ContractStore(flags.store).saveVersion(next, {
    ...who,
    parent: parentHash,
    message: flags.message ?? message,
  });
}

function registerExport(contract: Command): void {
  contract
    .command('export')
    .description('Write a contract as review CSV (or JSON) from a pack, a file or a stored version')
    .option('--pack <name>', "the pack's reviewed contract")
    .option('--contract <file>', 'a contract file (JSON or CSV)')
    .option('--store <dir>', 'contract store folder (with --ref)')
    .option('--ref <version>', 'stored version: hash, hash prefix or label')
    .requiredOption('--out <file>', 'where to write (.json for JSON, else CSV)')
    .action(
      action(async (flags: { pack?: string; contract?: string; store?: string; ref?: string; out: string }) => {
        const c = await contractSource(flags);
        const json = extname(flags.out).toLowerCase() === '.json';
        await writeText(flags.out, json ? `${JSON.stringify(c, null, 2)}\n` : formatContractCsv(c));
        out(
          `Exported ${rows(c)} rows of contract ${c.name} ${c.label} (${contractHash(c).slice(0, 12)}) to ${flags.out}`,
        );
        return 0;
      }),
    );
}

function registerImport(contract: Command): void {
  contract
    .command('import <file>')
    .description('Read a contract CSV (or JSON), validate it, and save it as a version and/or a JSON file')
    .option('--store <dir>', 'save it as a version in this contract store')
    .option('--by <name>', 'who saves it (required with --store)')
    .option('--parent <ref>', 'the version it derives from (default: the latest saved)')
    .option('--message <text>', 'why it is saved')
    .option('--at <iso>', 'when (default: now)')
    .option('--out <file>', 'write the contract as JSON here')
    .option('--json', 'print one JSON object')
    .action(
      action(async (file: string, flags: StoreFlags & { parent?: string; out?: string }) => {
        if (flags.store && !flags.by)
          throw new FerryError('FERRY_ERR_USAGE', '--store needs --by NAME (who saves the version)');
        const c = await readContractAny(file);
        const hash = contractHash(c);
        const saved = flags.store
          ? await new ContractStore(flags.store).saveVersion(c, {
              by: flags.by!,
              at: timeOption(flags.at),
              ...(flags.parent ? { parent: flags.parent } : {}),
              ...(flags.message ? { message: flags.message } : {}),
            })
          : undefined;
        if (flags.out) await writeText(flags.out, `${JSON.stringify(c, null, 2)}\n`);
        if (flags.json) {
          out(
            JSON.stringify({
              hash,
              name: c.name,
              label: c.label,
              tables: c.tables.length,
              rows: rows(c),
              ...(saved ? { saved: saved.entry, created: saved.created } : {}),
            }),
          );
          return 0;
        }
        out(`Read ${rows(c)} rows in ${c.tables.length} tables: contract ${c.name} ${c.label}, hash ${hash}`);
        if (saved)
          out(
            saved.created
              ? `Saved as a new version in ${flags.store}`
              : `Already in ${flags.store} (saved ${saved.entry.createdAt} by ${saved.entry.createdBy})`,
          );
        if (flags.out) out(`Wrote ${flags.out}`);
        return 0;
      }),
    );
}

function registerDiff(contract: Command): void {
  contract
    .command('diff <from> <to>')
    .description('Compare two contracts (files, or versions of --store): rows added, removed and changed')
    .option('--store <dir>', 'contract store for version references')
    .option('--json', 'print the diff as JSON')
    .action(
      action(async (fromRef: string, toRef: string, flags: { store?: string; json?: boolean }) => {
        const [a, b] = await Promise.all([
          resolveContractRef(fromRef, flags.store),
          resolveContractRef(toRef, flags.store),
        ]);
        const d = diffContracts(a.contract, b.contract);
        if (flags.json) out(JSON.stringify(d));
        else printDiff(d);
        return 0;
      }),
    );
}

function registerVersions(contract: Command): void {
  contract
    .command('versions')
    .description('List the versions of a contract store, oldest first')
    .requiredOption('--store <dir>', 'contract store folder')
    .option('--json', 'print JSON')
    .action(
      action(async (flags: { store: string; json?: boolean }) => {
        const list = await new ContractStore(flags.store).listVersions();
        if (flags.json) {
          out(JSON.stringify(list));
          return 0;
        }
        if (list.length === 0) out(`No versions in ${flags.store}`);
        for (const v of list) {
          const lock = v.locked ? `LOCKED by ${v.lockedBy} ${v.lockedAt}` : '';
          out(
            `${v.hash.slice(0, 12)}  ${v.label.padEnd(10)} ${v.createdAt}  ${v.createdBy.padEnd(16)} parent ${v.parent?.slice(0, 12) ?? '-'.padEnd(12)}  ${lock}`.trimEnd(),
          );
        }
        return 0;
      }),
    );
}

function registerLock(contract: Command): void {
  contract
    .command('lock <version>')
    .description('Lock a stored version for a release candidate (the locked copy is saved as a new version)')
    .requiredOption('--store <dir>', 'contract store folder')
    .requiredOption('--by <name>', 'who locks it')
    .option('--at <iso>', 'when (default: now)')
    .option('--json', 'print JSON')
    .action(
      action(async (ref: string, flags: StoreFlags) => {
        const r = await new ContractStore(flags.store).lockVersion(ref, { by: flags.by!, at: timeOption(flags.at) });
        if (flags.json) out(JSON.stringify({ ...r.entry, created: r.created }));
        else
          out(
            r.created
              ? `Locked ${r.entry.label} as ${r.entry.hash} (from ${r.entry.parent?.slice(0, 12)})`
              : `${r.entry.label} (${r.entry.hash.slice(0, 12)}) was already locked`,
          );
        return 0;
      }),
    );
}

function registerReview(contract: Command): void {
  addRowFilters(
    contract
      .command('review <version>')
      .description('Set the review status of the selected rows of a stored version, saving a new version')
      .requiredOption('--store <dir>', 'contract store folder')
      .requiredOption('--status <status>', 'new status: reviewed, approved, rejected or draft')
      .requiredOption('--reviewer <name>', 'who reviews (or reopens, for draft)')
      .option('--at <iso>', 'when (default: now)')
      .option('--label <label>', 'label of the new version (default: unchanged)')
      .option('--message <text>', 'why'),
  )
    .option('--json', 'print JSON')
    .action(
      action(async (ref: string, flags: StoreFlags & RowFilterFlags & { status: string; reviewer: string }) => {
        const status = reviewStatusOption('--status', flags.status);
        const filter = rowFilterFromFlags(flags);
        const { contract: c, entry } = await new ContractStore(flags.store).loadVersion(ref);
        const at = timeOption(flags.at);
        const r = reviewRows(c, filter, { status, reviewer: flags.reviewer, at });
        return finishChange(
          flags,
          entry.hash,
          r,
          { by: flags.reviewer, at },
          `${r.changed.length} rows marked ${status}`,
        );
      }),
    );
}

function registerEdit(contract: Command): void {
  addRowFilters(
    contract
      .command('edit <version>')
      .description('Set the owner and/or transform of the selected rows of a stored version, saving a new version')
      .requiredOption('--store <dir>', 'contract store folder')
      .requiredOption('--by <name>', 'who edits')
      .option('--set-owner <name>', "new owner ('' removes it)")
      .option('--set-transform <steps>', 'new transform chain, steps separated by |')
      .option('--at <iso>', 'when (default: now)')
      .option('--label <label>', 'label of the new version (default: unchanged)')
      .option('--message <text>', 'why'),
  )
    .option('--json', 'print JSON')
    .action(
      action(async (ref: string, flags: StoreFlags & RowFilterFlags & { setOwner?: string; setTransform?: string }) => {
        if (flags.setOwner === undefined && flags.setTransform === undefined) {
          throw new FerryError('FERRY_ERR_USAGE', 'give --set-owner and/or --set-transform');
        }
        const filter = rowFilterFromFlags(flags);
        const { contract: c, entry } = await new ContractStore(flags.store).loadVersion(ref);
        const transform = flags.setTransform
          ?.split('|')
          .map((s) => s.trim())
          .filter(Boolean);
        const r = editRows(c, filter, {
          ...(flags.setOwner !== undefined ? { owner: flags.setOwner } : {}),
          ...(transform ? { transform } : {}),
        });
        return finishChange(
          flags,
          entry.hash,
          r,
          { by: flags.by!, at: timeOption(flags.at) },
          `${r.changed.length} rows edited (${r.reopened.length} reopened)`,
          r.reopened.length,
        );
      }),
    );
}

async function finishChange(
  flags: StoreFlags,
  parentHash: string,
  r: { contract: MappingContract; changed: unknown[]; unchanged: unknown[] },
  who: { by: string; at: string },
  message: string,
  reopened?: number,
): Promise<number> {
  if (r.changed.length + r.unchanged.length === 0)
    throw new FerryError('FERRY_ERR_USAGE', 'the filter selects no rows');
  const saved =
    r.changed.length > 0 || flags.label ? await saveChild(flags, parentHash, r.contract, who, message) : undefined;
  if (flags.json) {
    out(
      JSON.stringify({
        changed: r.changed.length,
        unchanged: r.unchanged.length,
        ...(reopened !== undefined ? { reopened } : {}),
        ...(saved ? { version: saved.entry } : {}),
      }),
    );
    return 0;
  }
  out(`${message}; ${r.unchanged.length} selected rows already as asked`);
  out(
    saved
      ? `Saved version ${saved.entry.label} ${saved.entry.hash} (parent ${parentHash.slice(0, 12)})`
      : 'Nothing changed: no new version',
  );
  return 0;
}

/**
 * `ferry contract`: the contract lifecycle over a contract store (a folder of content-hashed versions):
 * export/import review CSV, diff, versions, lock, and review/edit of filtered rows (each saving a new version).
 */
export function registerContract(program: Command): void {
  const contract = program
    .command('contract')
    .description('Contract lifecycle: export/import CSV, versions, diff, lock, review and bulk edits');
  registerExport(contract);
  registerImport(contract);
  registerDiff(contract);
  registerVersions(contract);
  registerLock(contract);
  registerReview(contract);
  registerEdit(contract);
}
