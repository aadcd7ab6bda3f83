import type { CatalogColumn, DataType } from '../catalog/catalog-model.js';
import type { ContractField } from '../contract/contract-model.js';
import type { ContractLoadFindingCode, FindingSeverity } from './contract-load-finding.js';

/** A type problem of one field, before the table is attached. */
export interface TypeProblem {
  severity: FindingSeverity;
  code: ContractLoadFindingCode;
  message: string;
}

/** For each target type: the source types that can feed it and the transforms (any one) that convert them. */
const rules: Readonly<Partial<Record<DataType, { sources: readonly DataType[]; transforms: readonly string[] }>>> = {
  date: { sources: ['date', 'datetime', 'string'], transforms: ['date'] },
  datetime: { sources: ['datetime', 'date', 'string'], transforms: ['datetime'] },
  integer: { sources: ['integer', 'string', 'code'], transforms: ['integer'] },
  decimal: { sources: ['decimal', 'integer', 'string'], transforms: ['decimal', 'integer'] },
  boolean: { sources: ['boolean', 'string', 'code', 'integer'], transforms: ['yn'] },
};

/**
 * Checks that a field's sources can become its target type: a date target fed by a date/datetime/string
 * source through `date`; a date-time through `datetime`; an integer from integer/string/code through `integer`;
 * a decimal through `decimal` (or `integer`); a boolean through `yn`; a code target needs a crosswalk or coded
 * sources. String targets take anything. Constant fields are not checked here.
 *
 * @example
 * typeProblems(dobColumn, [{ name: 'DOB', dataType: 'date', ... }], { transform: ['trim'], ... })
 * // => [{ code: 'TRANSFORM_MISSING', severity: 'error', message: ... }]
 */
export function typeProblems(
  target: CatalogColumn,
  sources: readonly CatalogColumn[],
  field: ContractField,
): TypeProblem[] {
  if (sources.length === 0) return [];
  const problems: TypeProblem[] = [];
  const names = sources.map((s) => s.name).join(', ');
  if (target.dataType === 'code') {
    if (!field.crosswalk && sources.some((s) => s.dataType !== 'code')) {
      problems.push({
        severity: 'error',
        code: 'CODE_WITHOUT_CROSSWALK',
        message: `coded target (${target.codeType ?? 'code'}) fed by uncoded source ${names} without a crosswalk`,
      });
    }
    return problems;
  }
  const rule = rules[target.dataType];
  if (!rule) return problems;
  const bad = sources.filter((s) => !rule.sources.includes(s.dataType));
  if (bad.length > 0) {
    problems.push({
      severity: 'error',
      code: 'TYPE_INCOMPATIBLE',
      message: `${target.dataType} target fed by ${bad.map((s) => `${s.name} (${s.dataType})`).join(', ')}`,
    });
  }
  if (!rule.transforms.some((t) => field.transform.includes(t))) {
    problems.push({
      severity: 'error',
      code: 'TRANSFORM_MISSING',
      message: `${target.dataType} target needs a ${rule.transforms.join(' or ')} transform (has: ${field.transform.join(', ') || 'none'})`,
    });
  }
  if (target.dataType === 'date' && sources.some((s) => s.dataType === 'datetime')) {
    problems.push({
      severity: 'warning',
      code: 'TYPE_INCOMPATIBLE',
      message: `date target fed by a date-time source (${names}): values with a time part will not parse as dates`,
    });
  }
  return problems;
}
