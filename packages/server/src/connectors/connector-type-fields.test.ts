import { describe, expect, it } from 'vitest';
import { connectorTypes } from './connector-settings.js';
import { connectorTypeFields } from './connector-type-fields.js';

const summary = (type: Parameters<typeof connectorTypeFields>[0]) =>
  connectorTypeFields(type).map((f) => [f.name, f.type, f.required, f.default ?? null]);

describe('connector type fields', () => {
  it('gives each database type its own port default and a write-only password last', () => {
    expect(summary('mysql')).toEqual([
      ['host', 'string', true, null],
      ['port', 'integer', false, 3306],
      ['database', 'string', true, null],
      ['user', 'string', true, null],
      ['password', 'secret', false, null],
    ]);
    expect(summary('postgres')).toEqual([
      ['host', 'string', true, null],
      ['port', 'integer', false, 5432],
      ['database', 'string', true, null],
      ['user', 'string', true, null],
      ['schema', 'string', false, 'public'],
      ['password', 'secret', false, null],
    ]);
  });

  it('offers a file type only its path, and a CSV type the encodings this server takes', () => {
    expect(summary('json')).toEqual([['path', 'string', true, null]]);
    expect(summary('csv-upload')).toEqual([['encoding', 'enum', false, 'auto']]);
    const [path, encoding] = connectorTypeFields('csv-directory');
    expect(path).toMatchObject({ name: 'path', label: 'Path', required: true });
    expect(encoding!.options).toEqual(['auto', 'utf-8', 'windows-1252', 'latin1']);
  });

  it('labels and explains every field of every type', () => {
    for (const type of connectorTypes) {
      for (const f of connectorTypeFields(type)) {
        expect(f.label, `${type}.${f.name}`).not.toBe('');
        expect(f.help, `${type}.${f.name}`).not.toBe('');
      }
    }
  });
});
