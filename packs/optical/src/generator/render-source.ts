import { localCode } from '../model/code-sets.js';
import type { TargetTable } from '../model/target-model.js';
import { rxPrefixes } from '../model/target-model.js';
import { transposeAxis } from '../steps/optical-steps.js';
import type { VendorSpec } from '../vendors/vendor-spec.js';
import type { Row } from './build-patient.js';

const hundredths = (v: string) => Math.round(Number(v) * 100);

/** Plus-cylinder form of a row's prescriptions (what a plus-cylinder system exports). */
function toPlusCylinder(table: TargetTable, row: Row): Row {
  const out = { ...row };
  for (const prefix of rxPrefixes(table)) {
    const cyl = row[`${prefix}_cylinder`] ?? '';
    if (!cyl || hundredths(cyl) >= 0) continue;
    const c = hundredths(cyl);
    out[`${prefix}_sphere`] = ((hundredths(row[`${prefix}_sphere`] ?? '0') + c) / 100).toFixed(2);
    out[`${prefix}_cylinder`] = (-c / 100).toFixed(2);
    const axis = row[`${prefix}_axis`];
    if (axis) out[`${prefix}_axis`] = String(transposeAxis(Number(axis)));
  }
  return out;
}

/**
 * Writes a target-form row as the vendor's export row (values keyed by export column). This is the generator's own
 * statement of each vendor's formats; it never calls the transform engine.
 */
export function renderSourceRow(vendor: VendorSpec, table: TargetTable, row: Row): Record<string, string> {
  const values = vendor.plusCylinder ? toPlusCylinder(table, row) : row;
  const out: Record<string, string> = {};
  for (const c of table.columns) {
    const name = vendor.column(table.name, c.name);
    const v = values[c.name] ?? '';
    if (name in out && v === '') continue;
    if (v === '') {
      out[name] = '';
      continue;
    }
    switch (c.kind) {
      case 'code':
        out[name] = localCode(vendor.name, c.codeType!, v);
        break;
      case 'date':
        out[name] = vendor.writeDate(v);
        break;
      case 'datetime':
        out[name] = vendor.writeDateTime(v);
        break;
      case 'flag':
        out[name] = vendor.writeFlag(v);
        break;
      case 'phone':
        out[name] = vendor.writePhone(v);
        break;
      case 'postcode':
        out[name] = vendor.writePostcode(v);
        break;
      case 'sphere':
      case 'cylinder':
      case 'power':
        out[name] = vendor.writePower(hundredths(v));
        break;
      case 'va':
        out[name] = vendor.writeVa(v);
        break;
      case 'nhs':
        out[name] = vendor.name === 'optix' ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : v;
        break;
      case 'name':
        out[name] = vendor.name === 'occuco' && c.name === 'last_name' ? v.toUpperCase() : v;
        break;
      default:
        out[name] = v;
    }
  }
  return out;
}
