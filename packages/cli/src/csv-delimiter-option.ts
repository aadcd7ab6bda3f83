import type { CsvDelimiter } from '@ferry/core';
import { InvalidArgumentError, Option } from 'commander';

const byName: Record<string, CsvDelimiter> = {
  comma: ',',
  ',': ',',
  semicolon: ';',
  ';': ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  pipe: '|',
  '|': '|',
};

/**
 * `--delimiter auto|comma|semicolon|tab|pipe` (the characters themselves too): how source CSV fields are separated.
 *
 * @example
 * command.addOption(delimiterOption());
 * CsvSourceConnector.open(dir, { delimiter: flags.delimiter });
 */
export function delimiterOption(): Option {
  return new Option(
    '--delimiter <name>',
    'source field delimiter: auto (detected per file from its header and a sample), comma, semicolon, tab or pipe',
  )
    .default('auto' as const)
    .argParser((value: string): 'auto' | CsvDelimiter => {
      if (value.toLowerCase() === 'auto') return 'auto';
      const d = byName[value.toLowerCase()] ?? byName[value];
      if (!d) {
        throw new InvalidArgumentError(`--delimiter must be auto, comma, semicolon, tab or pipe, got '${value}'`);
      }
      return d;
    });
}
