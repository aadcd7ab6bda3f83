export * from './check-compiler.js';
export {
  type CheckColumnRef,
  type CheckKind,
  type CheckRunContext,
  type CheckSqlInput,
  SqlParams,
} from './check-kind.js';
export * from './check-model.js';
export * from './checks/index.js';
export * from './code-sets.js';
export * from './quality-kpis.js';
export * from './quality-report.js';
export * from './quality-report-writer.js';
export * from './run-checks.js';
