import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FerryError } from '../errors.js';

/**
 * The tables of a file source: every file of a folder (not its sub-folders) whose name matches `extension`, or the one
 * file given. A table is named after its file without the extension; tables are sorted by name.
 * FERRY_ERR_NOT_FOUND when the path does not exist or the folder holds no such file.
 */
export async function listFileTables(path: string, extension: RegExp, what: string): Promise<Map<string, string>> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'no such file or folder', { file: path }, { cause: e });
  }
  const files = new Map<string, string>();
  if (!info.isDirectory()) {
    files.set(basename(path).replace(extension, ''), path);
    return files;
  }
  const entries = await readdir(path, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && extension.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const table = name.replace(extension, '');
    if (files.has(table)) {
      throw new FerryError('FERRY_ERR_INPUT', `two files give table '${table}'`, { file: join(path, name) });
    }
    files.set(table, join(path, name));
  }
  if (files.size === 0)
    throw new FerryError('FERRY_ERR_NOT_FOUND', `the folder holds no ${what} files`, { file: path });
  return files;
}

/** The file of a table, or FERRY_ERR_NOT_FOUND naming the tables there are. */
export function tableFile(files: ReadonlyMap<string, string>, table: string, location: string): string {
  const file = files.get(table);
  if (file === undefined) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `no table '${table}'; tables: ${[...files.keys()].join(', ')}`, {
      file: location,
      table,
    });
  }
  return file;
}
