import { writeFile } from 'node:fs/promises';
import { FerryError } from '../../errors.js';
import { compareToContract } from '../../mapping/contract-comparison.js';
import { validateContractForLoad } from '../../mapping/contract-validator.js';
import { suggestContract } from '../../mapping/suggest-contract.js';
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
  const suggestion = suggestContract({ sourceCatalog, targetCatalog, profile, crosswalkCodeTypes });
  await writeFile(artefactPath(ctx, 'map', 'suggestion.json'), json(suggestion));
  await writeFile(artefactPath(ctx, 'map', 'comparison.json'), json(compareToContract(suggestion, contract)));
  const findings = validateContractForLoad(contract, { sourceCatalog, targetCatalog, crosswalkCodeTypes });
  await writeFile(artefactPath(ctx, 'map', 'contract_validation.json'), json({ version: 1, findings }));
  const errors = findings.filter((f) => f.severity === 'error' && f.code !== 'NOT_APPROVED');
  if (errors.length) {
    const list = errors.slice(0, 20).map((f) => `  ${f.table}${f.field ? `.${f.field}` : ''}: ${f.code} ${f.message}`);
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `The contract cannot be loaded (${errors.length} error(s)):\n${list.join('\n')}`,
      {
        stage: 'map',
      },
    );
  }
  return { rows: contract.tables.reduce((n, t) => n + t.fields.length, 0) };
}
