import { join } from 'node:path';
import { CsvFileWriter, FerryError } from '@ferry/core';
import type { PatientFacts, RowFlags } from './cohort-facts.js';
import { type DefectRecord, defectsCsvHeader } from './defect-kinds.js';
import type { PackModel } from './pack-model.js';
import type { ReferenceData } from './reference-data.js';
import { type LookupRow, lookupSpec, lookupTables } from './render/lookup-specs.js';
import { type AuditImage, auditedTables, auditSpec, type UserRow, userSpec } from './render/out-of-scope-specs.js';
import type { SessionRow, SlotRow } from './render/reference-specs.js';
import type { RenderEnv } from './render/render-env.js';
import { type SpecTable, tableSpecs } from './render/specs.js';
import { CompiledSpec, type TableSpec } from './render/table-spec.js';

interface TableOutput {
  compiled: CompiledSpec<object>;
  source: CsvFileWriter;
  target?: CsvFileWriter;
}

/** The audit trail written beside an audited table. */
interface AuditOutput extends TableOutput {
  nextId: number;
  programs: [insert: string, update: string];
}

const auditPrograms: Record<string, [string, string]> = {
  PATIENT: ['PMI010', 'PMI020'],
  ADM_SPELL: ['ADT100', 'ADT110'],
};

const isLoaded = (row: RowFlags) => !row.rejected && (row.recStatus ?? 'A') === 'A';

/**
 * Writes a cohort: one legacy CSV per source table under `source/`, one CSV per LOAD table under `expected/`
 * (the rows a correct migration loads, in source-file order), and `defects.csv`. Rows are written as each patient
 * is built; nothing is kept once a patient is written. A row goes to `expected/` only when it is in scope, carries no
 * rejecting defect, and every parent it links to went there too.
 */
export class CohortWriter {
  private readonly tables = new Map<string, TableOutput>();
  private readonly lookups = new Map<string, TableOutput>();
  private readonly audits = new Map<string, AuditOutput>();
  private users?: TableOutput;
  private auditTxn = 70_000_001;
  private defectsFile!: CsvFileWriter;
  private defectCount = 0;

  private constructor(private readonly model: PackModel) {}

  static async open(outDir: string, model: PackModel): Promise<CohortWriter> {
    const w = new CohortWriter(model);
    for (const [table, spec] of Object.entries(tableSpecs) as Array<[SpecTable, TableSpec<object>]>) {
      const sourceColumns = model.sourceTables.get(table);
      if (!sourceColumns)
        throw new FerryError('FERRY_ERR_INTERNAL', `The source catalog has no table ${table}`, { table });
      const targetColumns = spec.target ? model.targetTables.get(spec.target) : undefined;
      if (spec.target && !targetColumns)
        throw new FerryError('FERRY_ERR_INTERNAL', `The target catalog has no table ${spec.target}`, {
          table: spec.target,
        });
      const compiled = new CompiledSpec(spec, sourceColumns, targetColumns);
      w.tables.set(table, {
        compiled,
        source: await CsvFileWriter.open(
          join(outDir, 'source', `${table}.csv`),
          sourceColumns.map((c) => c.name),
          'exact',
        ),
        target: spec.target
          ? await CsvFileWriter.open(
              join(outDir, 'expected', `${spec.target}.csv`),
              targetColumns!.map((c) => c.name),
              'exact',
            )
          : undefined,
      });
    }
    for (const table of Object.values(lookupTables)) {
      const columns = model.sourceTables.get(table);
      if (!columns) continue;
      w.lookups.set(table, {
        compiled: new CompiledSpec(lookupSpec(table) as TableSpec<object>, columns, undefined),
        source: await CsvFileWriter.open(
          join(outDir, 'source', `${table}.csv`),
          columns.map((c) => c.name),
          'exact',
        ),
      });
    }
    await w.openOutOfScope(outDir);
    const unknown = [...model.sourceTables.keys()].filter((t) => !w.tables.has(t) && !w.lookups.has(t));
    if (unknown.length)
      throw new FerryError(
        'FERRY_ERR_INTERNAL',
        `The generator has no renderer for source tables ${unknown.join(', ')}`,
      );
    const missingTargets = [...model.targetTables.keys()].filter(
      (t) => ![...w.tables.values()].some((o) => o.compiled.spec.target === t),
    );
    if (missingTargets.length)
      throw new FerryError(
        'FERRY_ERR_INTERNAL',
        `The generator writes no expected file for ${missingTargets.join(', ')}`,
      );
    w.defectsFile = await CsvFileWriter.open(join(outDir, 'defects.csv'), defectsCsvHeader);
    return w;
  }

  /**
   * A few long-tail tables, when the full legacy catalog lists them with columns the generator can fill: the audit
   * trails of some core tables and the user table. They are extra realism, so a table whose columns no longer match
   * is left out rather than failing the run (the tests check that they are written).
   */
  private async openOutOfScope(outDir: string): Promise<void> {
    const extra = this.model.outOfScopeTables;
    for (const table of auditedTables) {
      const columns = extra.get(`${table}_AUD`)?.map((c) => c.name);
      const audited = this.tables.get(table)!.compiled.legacyColumns;
      if (!columns?.every((c) => c.startsWith('AUD_') || audited.includes(c))) continue;
      const spec = auditSpec(table, columns) as TableSpec<object>;
      this.audits.set(table, {
        compiled: new CompiledSpec(spec, extra.get(`${table}_AUD`)!, undefined),
        source: await CsvFileWriter.open(join(outDir, 'source', `${table}_AUD.csv`), columns, 'exact'),
        nextId: 1,
        programs: auditPrograms[table] ?? ['PAS000', 'PAS001'],
      });
    }
    const userColumns = extra.get('SYS_USER');
    if (userColumns?.every((c) => userSpec.legacy[c.name])) {
      this.users = {
        compiled: new CompiledSpec(userSpec as TableSpec<object>, userColumns, undefined),
        source: await CsvFileWriter.open(
          join(outDir, 'source', 'SYS_USER.csv'),
          userColumns.map((c) => c.name),
          'exact',
        ),
      };
    }
  }

  /** Writes the audit images of a legacy row: its insert, and the update when it was changed. */
  private async writeAudit(
    out: AuditOutput,
    names: readonly string[],
    values: readonly string[],
    env: RenderEnv,
  ): Promise<void> {
    const at = (name: string) => values[names.indexOf(name)] ?? '';
    const current = new Map(names.map((n, i) => [n, values[i]!]));
    const inserted = new Map(current);
    inserted.set('UPDATED_BY', '');
    inserted.set('UPDATED_DT', '');
    const image = (
      action: 'I' | 'U',
      kind: 'B' | 'A',
      user: string,
      when: string,
      v: Map<string, string>,
      txn: number,
    ): AuditImage => ({
      id: out.nextId++,
      action,
      image: kind,
      user,
      at: when,
      txn,
      program: out.programs[action === 'I' ? 0 : 1],
      values: v,
    });
    await out.source.write(
      out.compiled.legacyRow(image('I', 'A', at('CREATED_BY'), at('CREATED_DT'), inserted, this.auditTxn++), env),
    );
    if (at('UPDATED_DT')) {
      const txn = this.auditTxn++;
      await out.source.write(
        out.compiled.legacyRow(image('U', 'B', at('UPDATED_BY'), at('UPDATED_DT'), inserted, txn), env),
      );
      await out.source.write(
        out.compiled.legacyRow(image('U', 'A', at('UPDATED_BY'), at('UPDATED_DT'), current, txn), env),
      );
    }
  }

  private async emit(table: SpecTable, row: object, env: RenderEnv, parentOk: boolean): Promise<boolean> {
    const out = this.tables.get(table)!;
    const legacy = out.compiled.legacyRow(row, env);
    await out.source.write(legacy);
    const audit = this.audits.get(table);
    if (audit) await this.writeAudit(audit, out.compiled.legacyColumns, legacy, env);
    const ok = parentOk && isLoaded(row as RowFlags);
    if (ok && out.target) await out.target.write(out.compiled.targetRow(row, env));
    return ok;
  }

  /** Writes the reference tables and the lookups (everything but the slots, which depend on bookings). */
  async writeReference(ref: ReferenceData, env: RenderEnv): Promise<void> {
    for (const s of ref.staff) await this.emit('STAFF', s, env, true);
    for (const s of ref.sites) await this.emit('SITE', s, env, true);
    for (const w of ref.wards) await this.emit('WARD', w, env, true);
    for (const s of ref.specialties) await this.emit('SPECIALTY', s, env, true);
    for (const c of ref.clinics) await this.emit('OP_CLINIC', c, env, true);
    const cal = env.calendar;
    for (let i = 0; i < cal.sessionCount; i++) {
      const row: SessionRow = { id: cal.firstSessionId + i, index: i };
      await this.emit('OP_SESSION', row, env, true);
    }
    if (this.users) {
      let id = 1;
      const seed = Math.floor(env.quirks.unit('SYS_USER', 0) * 0x100000000);
      const rows: UserRow[] = [
        ...['pasadmin', 'interface'].map((login) => ({ id: id++, login, seed })),
        ...ref.staff.map((staff) => ({ id: id++, login: staff.login, staff, seed })),
      ];
      for (const u of rows) await this.users.source.write(this.users.compiled.legacyRow(u, env));
    }
    for (const [codeType, table] of Object.entries(lookupTables)) {
      const out = this.lookups.get(table);
      if (!out) continue;
      let id = 0;
      for (const entry of this.model.crosswalkEntries.get(codeType) ?? []) {
        const row: LookupRow = { id: id++, entry };
        await out.source.write(out.compiled.legacyRow(row, env));
      }
    }
  }

  /** Writes the slots of every session, booked or free, once all appointments are made. */
  async writeSlots(env: RenderEnv): Promise<void> {
    const cal = env.calendar;
    for (let s = 0; s < cal.sessionCount; s++) {
      const n = cal.slotsOf(s);
      const base = cal.sessionSlotBase[s]!;
      for (let k = 0; k < n; k++) {
        const row: SlotRow = { id: cal.firstSlotId + base + k, session: s, k };
        await this.emit('OP_SLOT', row, env, true);
      }
    }
  }

  /** Writes every row of one patient, parents before children. */
  async writePatient(facts: PatientFacts, env: RenderEnv): Promise<void> {
    env.patient = facts.core;
    const pOk = await this.emit('PATIENT', facts.core, env, true);
    for (const m of facts.merges) {
      env.patient = m.minor;
      await this.emit('PATIENT', m.minor, env, true);
    }
    env.patient = facts.core;
    for (const r of facts.identifiers) await this.emit('PAT_IDENT', r, env, pOk);
    for (const r of facts.aliases) await this.emit('PAT_ALIAS', r, env, pOk);
    for (const r of facts.addresses) await this.emit('PAT_ADDR', r, env, pOk);
    for (const r of facts.contacts) await this.emit('PAT_CONTACT', r, env, pOk);
    for (const r of facts.nextOfKin) await this.emit('PAT_NOK', r, env, pOk);
    for (const r of facts.gpRegistrations) await this.emit('PAT_GP_REG', r, env, pOk);
    for (const r of facts.allergies) await this.emit('PAT_ALLERGY', r, env, pOk);
    for (const r of facts.alerts) await this.emit('PAT_ALERT', r, env, pOk);
    for (const r of facts.casenotes) await this.emit('PAT_CASENOTE', r, env, pOk);

    const pathwayOk = new Map<number, boolean>();
    for (const p of facts.pathways) pathwayOk.set(p.id, await this.emit('RTT_PATHWAY', p, env, pOk));
    const referralOk = new Map<number, boolean>();
    for (const r of facts.referrals) {
      const parent = pOk && (r.pathwayId === undefined || pathwayOk.get(r.pathwayId) === true);
      referralOk.set(r.id, await this.emit('REFERRAL', r, env, parent));
    }
    for (const p of facts.pathways) {
      env.pathway = p;
      const okP = pathwayOk.get(p.id)!;
      for (const period of p.periods) {
        env.period = period;
        const okPer = await this.emit(
          'RTT_PERIOD',
          period,
          env,
          okP && (period.referralId === undefined || referralOk.get(period.referralId) === true),
        );
        for (const e of period.events) await this.emit('RTT_EVENT', e, env, okP && okPer);
      }
    }
    const opWaitOk = new Map<number, boolean>();
    for (const w of facts.opWaits)
      opWaitOk.set(w.id, await this.emit('OP_WLIST', w, env, referralOk.get(w.referralId) === true));
    for (const w of facts.opWaits) {
      env.opWait = w;
      for (const s of w.suspensions) await this.emit('OP_WL_SUSP', s, env, opWaitOk.get(w.id)!);
    }
    for (const a of facts.appointments) {
      env.appointment = a;
      const parent =
        referralOk.get(a.referralId) === true && (a.opWaitId === undefined || opWaitOk.get(a.opWaitId) === true);
      const ok = await this.emit('OP_APPT', a, env, parent);
      for (const c of a.coding) await this.emit('OP_APPT_CODING', c, env, ok);
    }
    const ipWaitOk = new Map<number, boolean>();
    for (const w of facts.ipWaits) {
      env.ipWait = w;
      const ok = await this.emit(
        'IP_WLIST',
        w,
        env,
        pOk && (w.referralId === undefined || referralOk.get(w.referralId) === true),
      );
      ipWaitOk.set(w.id, ok);
    }
    for (const w of facts.ipWaits) {
      env.ipWait = w;
      for (const s of w.suspensions) await this.emit('IP_WL_SUSP', s, env, ipWaitOk.get(w.id)!);
    }
    for (const w of facts.ipWaits) {
      env.ipWait = w;
      for (const t of w.tcis) await this.emit('IP_TCI', t, env, ipWaitOk.get(w.id)!);
    }
    const spellOk = new Map<number, boolean>();
    for (const s of facts.spells) {
      spellOk.set(
        s.id,
        await this.emit('ADM_SPELL', s, env, pOk && (s.ipWaitId === undefined || ipWaitOk.get(s.ipWaitId) === true)),
      );
    }
    const episodeOk = new Map<number, boolean>();
    for (const s of facts.spells) {
      env.spell = s;
      for (const e of s.episodes) {
        env.episode = e;
        episodeOk.set(e.id, await this.emit('ADM_EPISODE', e, env, spellOk.get(s.id)!));
      }
    }
    for (const s of facts.spells) {
      env.spell = s;
      for (const e of s.episodes) {
        env.episode = e;
        for (const w of e.wardStays)
          await this.emit('ADM_WARDSTAY', w, env, spellOk.get(s.id)! && episodeOk.get(e.id)!);
      }
    }
    for (const s of facts.spells) {
      for (const e of s.episodes) {
        env.episode = e;
        for (const d of e.diagnoses) await this.emit('CODE_DIAG', d, env, episodeOk.get(e.id)!);
      }
    }
    for (const s of facts.spells) {
      for (const e of s.episodes) {
        env.episode = e;
        for (const p of e.procedures) await this.emit('CODE_PROC', p, env, episodeOk.get(e.id)!);
      }
    }
    const detentionOk = new Map<number, boolean>();
    for (const d of facts.detentions) {
      detentionOk.set(
        d.id,
        await this.emit('MH_DETENTION', d, env, pOk && (d.spellId === undefined || spellOk.get(d.spellId) === true)),
      );
    }
    for (const d of facts.detentions) {
      env.detention = d;
      for (const t of d.transfers) await this.emit('MH_TRANSFER', t, env, detentionOk.get(d.id)!);
    }
    for (const d of facts.detentions) {
      env.detention = d;
      for (const t of d.tribunals) await this.emit('MH_TRIBUNAL', t, env, detentionOk.get(d.id)!);
    }
    for (const c of facts.cpas) await this.emit('MH_CPA', c, env, pOk);
    for (const m of facts.merges) await this.emit('PAT_MERGE', m, env, pOk);
  }

  async writeDefects(records: readonly DefectRecord[]): Promise<void> {
    for (const d of records) {
      await this.defectsFile.write([d.sourceTable, d.sourceKey, d.defect, d.expected]);
      this.defectCount++;
    }
  }

  /** Closes every file and returns the rows written per file (relative to the output folder). */
  async close(): Promise<{ files: Record<string, number>; defects: number }> {
    const files: Record<string, number> = {};
    const extras: Array<[string, TableOutput]> = [...this.audits].map(([t, o]) => [`${t}_AUD`, o]);
    if (this.users) extras.push(['SYS_USER', this.users]);
    for (const [table, out] of [...this.tables, ...this.lookups, ...extras]) {
      await out.source.close();
      files[`source/${table}.csv`] = out.source.rows;
      if (out.target) {
        await out.target.close();
        files[`expected/${out.compiled.spec.target}.csv`] = out.target.rows;
      }
    }
    await this.defectsFile.close();
    files['defects.csv'] = this.defectsFile.rows;
    const sorted: Record<string, number> = {};
    for (const k of Object.keys(files).sort()) sorted[k] = files[k]!;
    return { files: sorted, defects: this.defectCount };
  }
}
