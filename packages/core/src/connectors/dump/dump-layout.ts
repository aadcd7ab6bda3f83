import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { FerryError } from '../../errors.js';
import { textEncodings } from '../text-lines.js';

const nameSchema = z.string().min(1);

const fixedColumnSchema = z
  .object({
    name: nameSchema,
    /** 1-based character position of the field's first character. */
    start: z.number().int().positive(),
    /** Characters the field takes. */
    length: z.number().int().positive(),
  })
  .strict();

const delimitedTableSchema = z
  .object({
    name: nameSchema,
    /** The file, relative to the layout file. */
    file: z.string().min(1),
    /** The field separator: `^` for MUMPS/Caché global exports, `|`, a tab, or any other text. */
    delimiter: z.string().min(1),
    /** True when the file's first line names the columns. */
    header: z.boolean().default(false),
    /** The column names (needed when there is no header line; when there is one, they must match it). */
    columns: z.array(nameSchema).optional(),
    encoding: z.enum(['auto', ...textEncodings]).optional(),
  })
  .strict();

const fixedTableSchema = z
  .object({
    name: nameSchema,
    file: z.string().min(1),
    /** Columns by character position; values are trimmed of the padding around them. */
    columns: z.array(fixedColumnSchema).min(1),
    /** True when the file's first line is a header (skipped: the layout names the columns). */
    header: z.boolean().default(false),
    encoding: z.enum(['auto', ...textEncodings]).optional(),
  })
  .strict();

export const dumpLayoutSchema = z
  .object({
    /** The encoding of every file unless a table declares its own; `auto` detects it (BOM, UTF-8, else Windows-1252). */
    encoding: z.enum(['auto', ...textEncodings]).default('auto'),
    tables: z
      .array(z.union([delimitedTableSchema, fixedTableSchema]))
      .min(1)
      .superRefine((tables, ctx) => {
        const seen = new Set<string>();
        for (const [i, t] of tables.entries()) {
          if (seen.has(t.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `table ${t.name} twice` });
          seen.add(t.name);
          if ('delimiter' in t && !t.header && !t.columns) {
            ctx.addIssue({ code: 'custom', path: [i, 'columns'], message: 'give columns, or header: true' });
          }
        }
      }),
  })
  .strict();

export type DumpLayout = z.infer<typeof dumpLayoutSchema>;
export type DumpTableLayout = DumpLayout['tables'][number];
export type DelimitedTableLayout = z.infer<typeof delimitedTableSchema>;

/** Whether a table is delimited (else fixed-width). */
export function isDelimited(t: DumpTableLayout): t is DelimitedTableLayout {
  return 'delimiter' in t;
}

/**
 * Reads and validates a dump layout file (JSON); file names in it are resolved against the layout's folder.
 * FERRY_ERR_INPUT names the first problem.
 *
 * @example
 * // layout.json: {"encoding":"windows-1252","tables":[{"name":"PATIENT","file":"PATIENT.txt","delimiter":"^","header":true}]}
 * const layout = await readDumpLayout('dump/layout.json');
 */
export async function readDumpLayout(path: string): Promise<DumpLayout> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'no such layout file', { file: path }, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FerryError('FERRY_ERR_INPUT', `the layout file is not JSON: ${(e as Error).message}`, { file: path });
  }
  const parsed = dumpLayoutSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FerryError('FERRY_ERR_INPUT', `invalid dump layout at ${issue.path.join('.')}: ${issue.message}`, {
      file: path,
    });
  }
  const dir = dirname(path);
  return { ...parsed.data, tables: parsed.data.tables.map((t) => ({ ...t, file: resolve(dir, t.file) })) };
}
