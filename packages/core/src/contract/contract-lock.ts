import { FerryError } from '../errors.js';
import { contractHash } from './contract-hash.js';
import type { MappingContract, ReleaseProfile } from './contract-model.js';

/** Release profiles that may only run a locked contract version. */
export const profilesNeedingLockedContract: readonly ReleaseProfile[] = ['cutover_ready'];

/**
 * Refuses to change a locked contract: `what` says what was attempted ("review rows", "set owner").
 * A locked version is final; change a copy saved under a new label instead.
 */
export function assertContractUnlocked(contract: MappingContract, what: string): void {
  if (!contract.locked) return;
  throw new FerryError(
    'FERRY_ERR_CONTRACT_LOCKED',
    `cannot ${what}: contract ${contract.name} ${contract.label} (${contractHash(contract).slice(0, 12)}) is locked; ` +
      'save the change as a new version with a new label',
    { key: contract.label },
  );
}

/**
 * Refuses to run an unlocked contract at a release profile that needs a locked one (cutover_ready): a cutover
 * must load exactly the version that was signed off. Other profiles pass.
 *
 * The lifecycle should call it once its artefacts are loaded and before any stage runs, i.e. in `runLifecycle`
 * right after `loadPackArtefacts(options)`, with `options.releaseProfile`; `ferry migrate` should call it after
 * reading the contract, with `--release-profile`.
 *
 * @example
 * assertLockedForCutover(contract, 'pre_production'); // passes, locked or not
 * assertLockedForCutover({ ...contract, locked: false }, 'cutover_ready'); // throws FERRY_ERR_CONTRACT_LOCKED
 */
export function assertLockedForCutover(contract: MappingContract, profile: ReleaseProfile): void {
  if (!profilesNeedingLockedContract.includes(profile) || contract.locked) return;
  throw new FerryError(
    'FERRY_ERR_CONTRACT_LOCKED',
    `release profile ${profile} needs a locked contract version, but contract ${contract.name} ${contract.label} ` +
      `(${contractHash(contract).slice(0, 12)}) is not locked; lock it with \`ferry contract lock\``,
    { stage: 'contract', key: contract.label },
  );
}
