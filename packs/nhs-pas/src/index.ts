import type { Pack } from '@ferry/core';
import { FerryError } from '@ferry/core';

const pending = (what: string) => async (): Promise<never> => {
  throw new FerryError('FERRY_ERR_NOT_FOUND', `The nhs-pas pack's ${what} is not built yet`);
};

/** The nhs-pas pack: a legacy hospital PAS -> Ferry's PAS LOAD-table interface. */
export const nhsPasPack: Pack = {
  name: 'nhs-pas',
  description: 'Legacy NHS hospital PAS to a PAS LOAD-table interface',
  sourceCatalog: pending('source catalog'),
  targetCatalog: pending('target catalog'),
  crosswalks: pending('crosswalks'),
  contract: pending('contract'),
  qualityChecks: pending('quality checks'),
  generate: pending('generator'),
};
