import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isRepdigit, isValidNhsNumber } from '@ferry/core';
import type { Identifier, Resource } from '@medplum/fhirtypes';
import { systems } from './fhir-values.js';
import { validateR4 } from './r4-validator.js';

/** One problem found in an export file. */
export interface FhirExportFinding {
  file: string;
  line: number;
  resource: string;
  kind: 'r4' | 'nhs-number' | 'reference' | 'json' | 'duplicate-id';
  message: string;
}

export interface FhirExportCheck {
  resources: number;
  byType: Record<string, number>;
  /** Problems by kind (all of them counted). */
  findingCounts: Record<FhirExportFinding['kind'], number>;
  /** The first `maxFindings` problems in file order. */
  findings: FhirExportFinding[];
  valid: boolean;
}

/** Every `reference` string in a resource (literal references only; logical identifier references have none). */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

/** The UK Core identity rule: an NHS number identifier is 10 digits with a valid Modulus 11 check digit. */
function nhsNumberProblems(resource: Resource): string[] {
  const ids = (resource as { identifier?: Identifier[] }).identifier ?? [];
  return ids
    .filter((i) => i.system === systems.nhsNumber)
    .filter((i) => !i.value || !isValidNhsNumber(i.value) || isRepdigit(i.value))
    .map((i) => `NHS number ${i.value ?? '(empty)'} fails the Modulus 11 check`);
}

/**
 * Checks a folder of FHIR NDJSON: every resource validated against R4, every NHS number against its check digit,
 * every literal reference resolved to a resource of the export, no id twice. Streams the files line by line
 * (twice: ids first, then the checks); holds only the set of `Type/id` of the export.
 */
export async function checkFhirNdjson(dir: string, maxFindings = 200): Promise<FhirExportCheck> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ndjson')).sort();
  const findings: FhirExportFinding[] = [];
  const findingCounts: FhirExportCheck['findingCounts'] = {
    r4: 0,
    'nhs-number': 0,
    reference: 0,
    json: 0,
    'duplicate-id': 0,
  };
  const report = (f: FhirExportFinding) => {
    findingCounts[f.kind]++;
    if (findings.length < maxFindings) findings.push(f);
  };
  const lines = async function* (file: string) {
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(join(dir, file)), crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      yield { line, text };
    }
  };
  const ids = new Set<string>();
  for (const file of files) {
    for await (const { line, text } of lines(file)) {
      try {
        const r = JSON.parse(text) as Resource;
        const key = `${r.resourceType}/${r.id}`;
        if (ids.has(key))
          report({ file, line, resource: key, kind: 'duplicate-id', message: `${key} appears more than once` });
        ids.add(key);
      } catch {
        // reported in the second pass
      }
    }
  }
  const byType: Record<string, number> = {};
  let resources = 0;
  for (const file of files) {
    for await (const { line, text } of lines(file)) {
      let resource: Resource;
      try {
        resource = JSON.parse(text) as Resource;
      } catch (e) {
        report({ file, line, resource: '', kind: 'json', message: (e as Error).message });
        continue;
      }
      resources++;
      byType[resource.resourceType] = (byType[resource.resourceType] ?? 0) + 1;
      const name = `${resource.resourceType}/${resource.id}`;
      for (const message of validateR4(resource)) report({ file, line, resource: name, kind: 'r4', message });
      for (const message of nhsNumberProblems(resource))
        report({ file, line, resource: name, kind: 'nhs-number', message });
      for (const ref of references(resource)) {
        if (!ids.has(ref))
          report({ file, line, resource: name, kind: 'reference', message: `${ref} is not in the export` });
      }
    }
  }
  const valid = Object.values(findingCounts).every((n) => n === 0);
  return { resources, byType, findingCounts, findings, valid };
}
