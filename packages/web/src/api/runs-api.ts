import type { Page } from './admin-api';
import { api } from './api-client';

export const lifecycleStages = [
  'generate',
  'profile',
  'map',
  'migrate',
  'check',
  'gate',
  'reconcile',
  'evidence',
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];
export const releaseProfiles = ['development', 'pre_production', 'cutover_ready'] as const;
export type ReleaseProfile = (typeof releaseProfiles)[number];
export const defectLevels = ['none', 'typical', 'heavy'] as const;

export interface Run {
  id: string;
  projectId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** PARTIAL: the stages asked for ran and the run stopped before evidence, with no verdict. */
  outcome: 'PASS' | 'FAIL' | 'ERROR' | 'PARTIAL' | null;
  /** The release gate's verdict, once the gate stage ran. */
  gateOutcome: 'PASS' | 'FAIL' | null;
  /** The exit code `ferry lifecycle` gives for the same ending (null while running, or when cancelled). */
  exitCode: number | null;
  releaseProfile: string;
  source: Record<string, unknown>;
  fromStage: string | null;
  toStage: string | null;
  contractHash: string;
  currentStage: string | null;
  lifecycleRunId: string | null;
  error: string | null;
  cancelRequested: boolean;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The registered target database the run loads into; null: the project's embedded database or CSV folder. */
  targetId?: string | null;
  /** The rollback of the run's load, once done. */
  rollback?: {
    jobId: string;
    at: string;
    by: string;
    tables: { table: string; rows: number; restored: number }[];
  } | null;
}

export interface StageRecord {
  stage: LifecycleStage;
  status: 'Success' | 'Error' | 'NotExecuted' | 'Reused';
  startedAt?: string;
  ms?: number;
  rows?: number;
  rowsPerSecond?: number;
  peakRssMb?: number;
  error?: string;
}

export interface RunRecord {
  runId: string;
  startedAt: string;
  finishedAt?: string;
  arguments: {
    pack: string;
    releaseProfile: string;
    target: string;
    from?: string;
    reusedFrom?: string;
    asOfDate?: string;
  };
  versions: { ferry: string; node: string; pack: string };
  contract?: { name: string; label: string; hash: string };
  jobId?: string;
  stages: StageRecord[];
  outcome: 'PASS' | 'FAIL' | 'ERROR' | 'RUNNING' | 'PARTIAL';
  gate?: { outcome: 'PASS' | 'FAIL'; blocking: number; warnings: number };
  summary?: {
    sourceRows: number;
    loadedRows: number;
    rejectedRows: number;
    outOfScopeRows: number;
    issues: number;
    reconciliation: string;
  };
}

export interface GateFinding {
  code: string;
  message: string;
  domain?: string;
  checkId?: string;
  sourceTable?: string;
  targetTable?: string;
  triagedBy?: string;
}

export interface GateCheck {
  id: string;
  domain: string;
  dimension: string;
  severity: string;
  table: string;
  numerator: number;
  denominator: number;
  rate: number;
  status: 'PASS' | 'WARN' | 'FAIL' | 'NOT_RUN';
  threshold: { maxPassRate: number; maxWarnRate: number; source: string };
}

export interface GateReport {
  outcome: 'PASS' | 'FAIL';
  profile: string;
  jobId: string;
  summary: { pass: number; warn: number; fail: number; notRun: number; blocking: number; warnings: number };
  checks: GateCheck[];
  blocking: GateFinding[];
  warnings: GateFinding[];
}

export interface GateDecision {
  id: string;
  decision: 'go' | 'no_go' | 'rollback' | 'withdrawn';
  /** The decider's rationale. */
  note: string | null;
  decidedBy: string;
  decidedAt: string;
  /** The release profile the decider confirmed; null for decisions recorded before it was asked. */
  profile: string | null;
  /** How many gate warnings the decider was shown. */
  warnings: number | null;
  supersedes: string | null;
  supersededBy: string | null;
}

/** What a gate decision sends: the decision, its rationale, the profile confirmed, and the decision it replaces. */
export interface GateDecisionInput {
  decision: GateDecision['decision'];
  note: string;
  profile: string;
  supersedes: string | null;
}

export interface QualityKpi {
  checksRun: number;
  checksNotRun: number;
  checksWithFailures: number;
  errorChecksWithFailures: number;
  errorFailingRows: number;
  rowsConsidered: number;
  rowsFailed: number;
  passedRowsShare: number;
}

export interface QualityKpis {
  jobId: string;
  asOfDate: string;
  totals: QualityKpi;
  domains: (QualityKpi & { domain: string })[];
  checks: {
    id: string;
    domain: string;
    severity: string;
    table: string;
    numerator: number;
    denominator: number;
    rate: number;
    executed: boolean;
  }[];
}

export const triageStatuses = ['open', 'acknowledged', 'accepted_risk', 'fixed_in_source', 'false_positive'] as const;
export type TriageStatus = (typeof triageStatuses)[number];
export const triageStatusLabels: Record<TriageStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  accepted_risk: 'Accepted risk',
  fixed_in_source: 'Fixed in source',
  false_positive: 'False positive',
};

/** What makes two issues the same issue across runs. */
export interface IssueIdentity {
  checkId: string;
  targetTable: string;
  targetKey: string;
  field: string;
}

/** The triage an issue's identity has in the project. */
export interface IssueTriage extends IssueIdentity {
  status: TriageStatus;
  ownerId: string | null;
  ownerName: string | null;
  note: string | null;
  runId: string | null;
  updatedBy: string;
  updatedByName: string;
  updatedAt: string;
}

export interface QualityIssue extends IssueIdentity {
  severity: string;
  sourceTable: string;
  sourceKey: string;
  message: string;
  triage: IssueTriage | null;
}

export interface IssueFilter {
  checkId?: string;
  severity?: 'error' | 'warning' | 'info';
  table?: string;
  triage?: TriageStatus | 'untriaged';
}

/** Where a run's rejects are: counts per reason code and per table (no rows, no values). */
export interface RunRejects {
  byReason: { reasonCode: string; rows: number }[];
  tables: {
    sourceTable: string;
    targetTable: string;
    domain: string;
    read: number;
    loaded: number;
    rejected: number;
    outOfScope: number;
    rejectsByReason: Record<string, number>;
  }[];
}

/** The run whose snapshot is current: the latest, or an earlier one restored. */
export interface CurrentRun {
  runId: string | null;
  lifecycleRunId: string | null;
  restored: boolean;
}

/**
 * A new run from a generated cohort or a connector's CSV extracts, or a rerun from a stage reusing the current run's
 * earlier artefacts; `toStage` stops after a stage (the same as `fromStage`: one stage alone).
 */
export type StartRun =
  | {
      releaseProfile: ReleaseProfile;
      source: { kind: 'generated'; patients: number; seed: number; defects: (typeof defectLevels)[number] };
      toStage?: LifecycleStage;
    }
  | { releaseProfile: ReleaseProfile; source: { kind: 'connector'; connectorId: string }; toStage?: LifecycleStage }
  | { releaseProfile: ReleaseProfile; fromStage: LifecycleStage; toStage?: LifecycleStage };

/** A live progress event of a run (server-sent). */
export type RunEvent =
  | { type: 'stage-start'; stage: LifecycleStage }
  | { type: 'stage-progress'; stage: LifecycleStage; done: number; total: number; label?: string }
  | { type: 'stage-end'; stage: LifecycleStage; status: 'Success' | 'Reused' | 'Error'; ms?: number }
  | { type: 'run-status'; status: 'queued' | 'running' }
  | { type: 'run-finished'; status: 'succeeded' | 'failed' | 'cancelled'; outcome: string | null; error?: string };

/** Lifecycle runs, their artefacts, quality and gate. */
export const runsApi = {
  list: (projectId: string, page: number, pageSize: number) =>
    api.get<Page<Run>>(`/api/projects/${projectId}/runs`, { page, pageSize }),
  get: (runId: string) => api.get<Run & { record: RunRecord | null }>(`/api/runs/${runId}`),
  start: (projectId: string, body: StartRun) => api.post<Run>(`/api/projects/${projectId}/runs`, body),
  cancel: (runId: string) => api.post<Run>(`/api/runs/${runId}/cancel`),
  rejects: (runId: string) => api.get<RunRejects>(`/api/runs/${runId}/rejects`),
  current: (projectId: string) => api.get<CurrentRun>(`/api/projects/${projectId}/runs/current`),
  restore: (runId: string) => api.post<CurrentRun>(`/api/runs/${runId}/restore`, {}),
  eventsUrl: (runId: string) => `/api/runs/${runId}/events`,
  artefacts: (runId: string) =>
    api.get<{ stage: LifecycleStage; file: string; bytes: number }[]>(`/api/runs/${runId}/artefacts`),
  artefactUrl: (runId: string, stage: string, file: string) =>
    `/api/runs/${runId}/artefacts/${stage}/${encodeURIComponent(file)}`,
  evidenceUrl: (runId: string) => `/api/runs/${runId}/evidence`,
  gate: (runId: string) =>
    api.get<{ report: GateReport; decisions: GateDecision[]; current: GateDecision | null }>(`/api/runs/${runId}/gate`),
  decideGate: (runId: string, input: GateDecisionInput) =>
    api.post<GateDecision>(`/api/runs/${runId}/gate/decision`, input),
  kpis: (runId: string) => api.get<QualityKpis>(`/api/runs/${runId}/quality/kpis`),
  issues: (runId: string, filter: IssueFilter, page: number, pageSize: number) =>
    api.get<Page<QualityIssue>>(`/api/runs/${runId}/quality/issues`, { ...filter, page, pageSize }),
  triage: (
    projectId: string,
    body: IssueIdentity & { runId: string; status: TriageStatus; ownerId: string | null; note: string | null },
  ) => api.put<IssueTriage>(`/api/projects/${projectId}/quality/triage`, body),
  triageOwners: (projectId: string) =>
    api.get<{ id: string; displayName: string }[]>(`/api/projects/${projectId}/quality/triage/owners`),
};
