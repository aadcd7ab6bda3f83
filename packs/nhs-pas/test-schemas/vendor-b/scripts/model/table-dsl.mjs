// The compact declaration format of the vendor-b model: one line per column,
//   Name | type | references | description | code type | LOAD columns it feeds (space-separated)
// type: int, dec, bool, date, dt (datetime), strN, codeN; suffix ! = NOT NULL, * = primary key.
// Blank cells are allowed; the last two are usually blank.

const typeNames = { int: 'integer', dec: 'decimal', bool: 'boolean', date: 'date', dt: 'datetime' };

/** Parses one type cell (`str35!`, `int*`, `code2`) into catalog attributes. */
function parseType(cell, where) {
  const m = /^(int|dec|bool|date|dt|str|code)(\d*)([!*]?)$/.exec(cell);
  if (!m) throw new Error(`${where}: bad type "${cell}"`);
  const [, base, len, flag] = m;
  const dataType = base === 'str' ? 'string' : base === 'code' ? 'code' : typeNames[base];
  if ((base === 'str' || base === 'code') && !len) throw new Error(`${where}: ${base} needs a length`);
  return {
    dataType,
    maxLength: len ? Number(len) : undefined,
    nullable: flag === '',
    primaryKey: flag === '*',
  };
}

/** Parses the column lines of one table declaration. */
export function parseColumns(tableName, text) {
  const columns = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split('|').map((c) => c.trim());
    while (cells.length < 6) cells.push('');
    const [name, type, references, description, codeType, targets] = cells;
    const where = `${tableName}.${name}`;
    columns.push({
      name,
      ...parseType(type, where),
      references,
      description,
      codeType,
      targets: targets === '' ? [] : targets.split(/\s+/),
    });
  }
  return columns;
}

/** The audit column sets the vendor's modules use (each module was written in a different decade). */
export const auditStyles = {
  created: [
    'CreatedBy | str30 | | User who created the record | | CREATE_USER',
    'CreatedDate | dt | | Date/time record created | | CREATE_DTTM',
    'ModifiedBy | str30 | | User who last modified the record | | MODIF_USER',
    'ModifiedDate | dt | | Date/time of last modification | | MODIF_DTTM',
  ],
  ins: [
    'InsUser | str20 | | | | CREATE_USER',
    'InsDtTm | dt | | | | CREATE_DTTM',
    'UpdUser | str20 | | | | MODIF_USER',
    'UpdDtTm | dt | | | | MODIF_DTTM',
  ],
  added: [
    'AddedBy | str30 | | Added by (user name) | | CREATE_USER',
    'AddedOn | dt | | Added on | | CREATE_DTTM',
    'AmendedBy | str30 | | Last amended by (user name) | | MODIF_USER',
    'AmendedOn | dt | | Last amended on | | MODIF_DTTM',
  ],
  none: [],
};

/**
 * A table declaration: `{ name, target, audit, inScope, columns }` where `columns` is the text block above and
 * `audit` names an audit style appended after the declared columns.
 */
export function expandTable(decl) {
  const auditLines = auditStyles[decl.audit ?? 'none'];
  if (!auditLines) throw new Error(`${decl.name}: unknown audit style ${decl.audit}`);
  const declared = parseColumns(decl.name, decl.columns);
  if (!decl.target) {
    for (const c of declared) {
      if (c.targets.length > 0) throw new Error(`${decl.name}.${c.name}: targets on a table with no target`);
    }
  }
  // Audit columns feed the LOAD audit fields only on tables that feed a LOAD table.
  const audit = parseColumns(decl.name, auditLines.join('\n')).map((c) => (decl.target ? c : { ...c, targets: [] }));
  const columns = [...declared, ...audit];
  return { name: decl.name, target: decl.target, inScope: decl.inScope ?? true, columns };
}
