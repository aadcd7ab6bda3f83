import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFerry } from './testing/run-ferry.js';

describe('ferry --log-file', () => {
  it('logs the verb, the error whole and the exit code, wherever the option is given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-log-file-'));
    const log = join(dir, 'support', 'ferry.log');
    const r = await runFerry('runs', 'show', 'run-nope', '--out', dir, '--log-file', log);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ferry: ${join(dir, 'runs')}: No run 'run-nope' under ${join(dir, 'runs')}\n`);
    const lines = (await readFile(log, 'utf8')).split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z info {2}ferry runs show started \(pid \d+\)$/);
    expect(lines[1]).toMatch(/ error .*No run 'run-nope'/);
    expect(lines[2]).toBe(
      `    FerryError FERRY_ERR_NOT_FOUND: No run 'run-nope' under ${join(dir, 'runs')} {"file":"${join(dir, 'runs')}"}`,
    );
    expect(lines.some((l) => /^ {8}at /.test(l))).toBe(true);
    expect(lines.some((l) => /^ {4}caused by: Error ENOENT \(open\): ENOENT: no such file or directory/.test(l))).toBe(
      true,
    );
    expect(lines.filter(Boolean).pop()).toMatch(/ info {2}exit 2$/);
  });
});

describe('ferry --log-file that cannot be written', () => {
  it('on a full disk (/dev/full) the command does not run: exit 3 naming the file; a folder is exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-log-full-'));
    const full = await runFerry('runs', 'list', '--out', dir, '--log-file', '/dev/full');
    expect(full).toMatchObject({
      code: 3,
      stdout: '',
      stderr: 'ferry: Cannot write the log file /dev/full: no space left on the device\n',
    });
    const folder = await runFerry('runs', 'list', '--out', dir, '--log-file', dir);
    expect(folder).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `ferry: Cannot write the log file ${dir}: it is a folder, not a file\n`,
    });
  });
});

describe('redactArgs', () => {
  it('hides the SQL of --*-where options, however it is quoted', async () => {
    const { redactArgs } = await import('./index.js');
    expect(
      redactArgs(['table-diff', '--left-where', "nhs = '9434765919'", '--right-where=x = 1', '--key', 'id']),
    ).toEqual(['table-diff', '--left-where', '***', '--right-where=***', '--key', 'id']);
  });
});
