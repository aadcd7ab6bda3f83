import { fileURLToPath } from 'node:url';
import { type MappingContract, mappingContractSchema } from './contract-model.js';

/** The nhs-pas pack's reviewed contract file (869 rows in 38 tables), read by path: core does not import packs. */
export const nhsPasContractPath = fileURLToPath(
  new URL('../../../../packs/nhs-pas/contract/contract.json', import.meta.url),
);

/** A small contract exercising every attribute: two tables, a parent, a scope filter, a natural key. */
export function smallContract(): MappingContract {
  return mappingContractSchema.parse({
    version: 1,
    name: 'demo',
    label: '0.1.0',
    sourceSystem: 'LEGACY',
    targetSystem: 'LOAD',
    tables: [
      {
        target: 'LOAD_PMI',
        source: 'PATIENT',
        sourceKey: ['PAT_ID'],
        domain: 'PMI',
        naturalKey: ['NHS_NUMBER'],
        outOfScope: { column: 'REC_STATUS', outOfScopeValues: ['D', 'M'], reason: 'Deleted, or "merged" away' },
        fields: [
          {
            target: 'RECORD_NUMBER',
            source: ['PAT_ID'],
            transform: ['integer'],
            mandatory: true,
            status: 'approved',
            reviewer: 'A. Analyst',
            reviewedAt: '2026-01-10',
          },
          {
            target: 'SEX',
            source: ['SEX'],
            transform: ['trim', 'upper'],
            crosswalk: 'gender',
            status: 'reviewed',
            reviewer: 'A. Analyst',
            reviewedAt: '2026-01-10T09:00:00Z',
            owner: 'PMI team',
            equivalence: 'equivalent',
          },
          {
            target: 'FULL_NAME',
            source: ['FORENAME', 'SURNAME'],
            combine: 'join',
            separator: ', ',
            transform: ['title_case'],
            notes: 'Joined, "as shown"\non letters',
          },
          { target: 'SYSTEM_CODE', constant: 'LEGPAS', mandatory: true },
          {
            target: 'ETHNIC_CATEGORY',
            source: ['ETHNIC'],
            crosswalk: 'ethnic_category',
            defaults: { development: '99', pre_production: 'Z' },
            onInvalid: 'blank',
          },
        ],
      },
      {
        target: 'LOAD_REFERRALS',
        source: 'REFERRAL',
        sourceKey: ['REF_ID', 'SEQ|NO'],
        domain: 'REF',
        parents: [{ field: 'PMI_RECORD_NUMBER', table: 'LOAD_PMI' }],
        fields: [
          {
            target: 'RECORD_NUMBER',
            source: ['REF_ID'],
            transform: ['integer'],
            status: 'rejected',
            reviewer: 'B. Lead',
            reviewedAt: '2026-01-11',
          },
          { target: 'PMI_RECORD_NUMBER', source: ['PAT_ID'], transform: ['integer'], mandatory: true },
        ],
      },
    ],
  });
}
