import { compareCodeUnits } from '../profile/code-unit-order.js';
import type { CheckResult, DomainKpi, QualityKpi } from './quality-report.js';

/** Rolls check results up into one KPI line. */
export function rollUpKpi(results: readonly CheckResult[]): QualityKpi {
  const kpi: QualityKpi = {
    checksRun: 0,
    checksNotRun: 0,
    checksWithFailures: 0,
    errorChecksWithFailures: 0,
    errorFailingRows: 0,
    rowsConsidered: 0,
    rowsFailed: 0,
    passedRowsShare: 1,
  };
  for (const r of results) {
    if (!r.executed) {
      kpi.checksNotRun++;
      continue;
    }
    kpi.checksRun++;
    kpi.rowsConsidered += r.denominator;
    kpi.rowsFailed += r.numerator;
    if (r.numerator > 0) {
      kpi.checksWithFailures++;
      if (r.severity === 'error') {
        kpi.errorChecksWithFailures++;
        kpi.errorFailingRows += r.numerator;
      }
    }
  }
  kpi.passedRowsShare = kpi.rowsConsidered === 0 ? 1 : 1 - kpi.rowsFailed / kpi.rowsConsidered;
  return kpi;
}

/**
 * KPIs per domain, ordered by domain name.
 *
 * @example
 * domainKpis(report.checks).find((k) => k.domain === 'PMI')?.errorChecksWithFailures
 */
export function domainKpis(results: readonly CheckResult[]): DomainKpi[] {
  const byDomain = new Map<string, CheckResult[]>();
  for (const r of results) {
    const list = byDomain.get(r.domain) ?? [];
    list.push(r);
    byDomain.set(r.domain, list);
  }
  return [...byDomain.keys()]
    .sort(compareCodeUnits)
    .map((domain) => ({ domain, ...rollUpKpi(byDomain.get(domain) ?? []) }));
}
