import { writeFile } from 'node:fs/promises';
import { compareToContract } from '../../mapping/contract-comparison.js';
import { assertContractLoadable } from '../../mapping/contract-load-refusal.js';
import { validateContractForLoad } from '../../mapping/contract-validator.js';
import { suggestContractYielding } from '../../mapping/suggest-contract.js';
import { profileReportSchema } from '../../profile/profile-model.js';
import { artefactPath, type LifecycleContext, readArtefact } from '../lifecycle-context.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Drafts a contract from the catalogs and the profile, compares it with the reviewed contract, and validates the
 * reviewed contract for loading: `map/suggestion.json`, `map/comparison.json`, `map/contract_validation.json`.
 * A structural error stops the run; approvals are the gate's business.
 */
export async function mapStage(ctx: LifecycleContext): Promise<{ rows: number }> {
  const { sourceCatalog, targetCatalog, contract, crosswalkIndex } = ctx.pack;
  const profile = await readArtefact(ctx, 'profile', 'profile.json', profileReportSchema);
  const crosswalkCodeTypes = crosswalkIndex.codeTypes();
  // It yields to the event loop as it goes: a signal stops the run within the stage, not after it.
  const suggestion = await suggestContractYielding(
    { sourceCatalog, targetCatalog, profile, crosswalkCodeTypes },
    { signal: ctx.options.signal },
  );
  await writeFile(artefactPath(ctx, 'map', 'suggestion.json'), json(suggestion));
  await writeFile(artefactPath(ctx, 'map', 'comparison.json'), json(compareToContract(suggestion, contract)));
  const findings = validateContractForLoad(contract, { sourceCatalog, targetCatalog, crosswalkCodeTypes });
  await writeFile(artefactPath(ctx, 'map', 'contract_validation.json'), json({ version: 1, findings }));
  assertContractLoadable(contract, { sourceCatalog, targetCatalog, crosswalkCodeTypes }, ctx.options.contractRows);
  return { rows: contract.tables.reduce((n, t) => n + t.fields.length, 0) };
}
