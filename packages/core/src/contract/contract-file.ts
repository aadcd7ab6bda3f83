import { readFile } from 'node:fs/promises';
import { FerryError } from '../errors.js';
import { type MappingContract, mappingContractSchema } from './contract-model.js';

/** Reads and validates a contract JSON file; errors name the file and the path of the bad field. */
export async function readContractFile(path: string): Promise<MappingContract> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      `Cannot read contract file: ${(e as Error).message}`,
      { file: path },
      { cause: e },
    );
  }
  return parseContractJson(text, path);
}

export function parseContractJson(text: string, file: string): MappingContract {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `Not valid JSON: ${(e as Error).message}`,
      { file },
      { cause: e },
    );
  }
  const parsed = mappingContractSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new FerryError('FERRY_ERR_CONTRACT_INVALID', `${first.message} at ${first.path.join('.')}`, {
      file,
      field: first.path.join('.'),
    });
  }
  return parsed.data;
}
