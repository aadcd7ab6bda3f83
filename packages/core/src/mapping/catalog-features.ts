import { splitReference } from '../catalog/catalog-csv-reader.js';
import type { Catalog, CatalogColumn, CatalogTable } from '../catalog/catalog-model.js';
import type { ColumnProfile, ProfileReport } from '../profile/profile-model.js';
import { classFamily, impliedClassWord } from './class-words.js';
import { type SemanticClass, targetSemantic } from './field-semantics.js';
import { type ExpandedToken, nameTokens, splitName, TokenVocabulary } from './name-tokens.js';
import { type ConceptScale, conceptScaleOf, TokenWeights } from './token-similarity.js';

/** One column prepared for matching. */
export interface ColumnFeatures {
  table: string;
  column: CatalogColumn;
  tokens: ExpandedToken[];
  /** Distinct stemmed concepts of the name, digits excluded. */
  concepts: string[];
  /** Digit tokens of the name (ADDR1 -> ['1']). */
  digits: string[];
  /** Weight factors of the name's concepts (an expanded abbreviation counts as one word). */
  scale: ConceptScale;
  /** The last concept of the name (its class word, when it has one: DATE, TYPE, FLAG...). */
  head?: string;
  /** Concepts of the description. */
  description: string[];
  /** The referenced table, when the column is a foreign key. */
  referencesTable?: string;
  semantic: SemanticClass;
  profile?: ColumnProfile;
}

/** One table prepared for matching. */
export interface TableFeatures {
  table: CatalogTable;
  concepts: string[];
  columns: ColumnFeatures[];
  primaryKey: string[];
}

/** Both catalogs prepared for matching, with the shared vocabulary and weights. */
export interface MatchingFeatures {
  vocabulary: TokenVocabulary;
  /** Weights of name concepts, over every column name of both catalogs. */
  nameWeights: TokenWeights;
  /** Weights of description concepts, over every description of both catalogs. */
  descriptionWeights: TokenWeights;
  /** Weights of table-name concepts, over every table name of both catalogs. */
  tableWeights: TokenWeights;
  /**
   * How specific each target field name is to its table: fields every table has (RECORD_NUMBER, COMMENTS,
   * CREATE_USER) weigh little, a field of one table (SMS_CONSENT) a lot. Inverse document frequency over the
   * target tables.
   */
  fieldWeights: TokenWeights;
  /** How specific each source column name is to its table (inverse document frequency over the source tables). */
  sourceFieldWeights: TokenWeights;
  source: TableFeatures[];
  target: TableFeatures[];
}

const isDigits = (c: string) => /^\d+$/.test(c);

/**
 * Concepts of a description, read with the phrase and abbreviation knowledge names get ("Family name" is a
 * SURNAME), but with no unlisted abbreviations guessed: a description is written in words.
 */
function descriptionConcepts(text: string, vocabulary: TokenVocabulary): string[] {
  const words = splitName(text)
    .filter((w) => w.length > 1 || /\d/.test(w))
    .join(' ');
  return [...new Set(nameTokens(words, vocabulary, false).flatMap((t) => t.concepts))];
}

function columnFeatures(
  table: string,
  column: CatalogColumn,
  vocabulary: TokenVocabulary,
  profile: ColumnProfile | undefined,
): ColumnFeatures {
  const description = descriptionConcepts(column.description, vocabulary);
  const nameRead = nameTokens(column.name, vocabulary);
  // An opaque code (T010F05) says nothing: its description is the only readable text, so it stands for the name.
  const opaque = nameRead.every((t) => t.concepts.every((c) => c.length <= 1 || isDigits(c)));
  const tokens = opaque && description.length > 0 ? nameTokens(column.description, vocabulary, false) : nameRead;
  const all = [...new Set(tokens.flatMap((t) => t.concepts))];
  const named = all.filter((c) => !isDigits(c));
  // A boolean column is a flag and a date column a date even when its name does not say so.
  const implied = impliedClassWord(column.dataType, named);
  const concepts = implied ? [...named, implied] : named;
  const read = tokens.flatMap((t) => t.concepts).filter((c) => !isDigits(c));
  // A name ends in its class word (ADMISSION_DATE); a description read in its place names it first ("Date the
  // person died", "Case record number printed on the notes"), and may name none.
  const lastNamed = opaque && description.length > 0 ? read.find((c) => classFamily(c) !== undefined) : read.at(-1);
  const head = implied && classFamily(lastNamed) === undefined ? implied : lastNamed;
  return {
    table,
    column,
    tokens,
    concepts,
    scale: conceptScaleOf(tokens),
    digits: all.filter(isDigits),
    ...(head !== undefined ? { head } : {}),
    description,
    ...(column.references ? { referencesTable: splitReference(column.references)?.table } : {}),
    semantic: targetSemantic(column, concepts, head),
    ...(profile ? { profile } : {}),
  };
}

function tableFeatures(
  table: CatalogTable,
  vocabulary: TokenVocabulary,
  profiles: Map<string, ColumnProfile> | undefined,
): TableFeatures {
  return {
    table,
    concepts: [...new Set(nameTokens(table.name, vocabulary).flatMap((t) => t.concepts))],
    columns: table.columns.map((c) => columnFeatures(table.name, c, vocabulary, profiles?.get(c.name))),
    primaryKey: table.columns.filter((c) => c.primaryKey).map((c) => c.name),
  };
}

/**
 * Tokenises both catalogs once: names, descriptions, references and (for the source) value profiles.
 *
 * @example
 * const features = buildMatchingFeatures(sourceCatalog, targetCatalog, profile);
 */
export function buildMatchingFeatures(
  sourceCatalog: Catalog,
  targetCatalog: Catalog,
  profile?: ProfileReport,
): MatchingFeatures {
  // The vocabulary comes from column names only: a table name's run-together word (LOAD_PMIALERTS) would
  // otherwise count as known and never be split into the words it is made of (PMI, ALERTS).
  const columnNames = (catalog: Catalog) => catalog.tables.flatMap((t) => t.columns.map((c) => c.name));
  const vocabulary = new TokenVocabulary(columnNames(sourceCatalog), columnNames(targetCatalog));
  const profiled = new Map(
    (profile?.tables ?? []).map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c]))] as const),
  );
  const source = sourceCatalog.tables.map((t) => tableFeatures(t, vocabulary, profiled.get(t.name)));
  const target = targetCatalog.tables.map((t) => tableFeatures(t, vocabulary, undefined));
  const columns = [...source, ...target].flatMap((t) => t.columns);
  return {
    vocabulary,
    nameWeights: new TokenWeights(columns.map((c) => c.concepts)),
    descriptionWeights: new TokenWeights(columns.map((c) => c.description)),
    tableWeights: new TokenWeights([...source, ...target].map((t) => t.concepts)),
    fieldWeights: new TokenWeights(target.map((t) => t.table.columns.map((c) => c.name))),
    sourceFieldWeights: new TokenWeights(source.map((t) => t.table.columns.map((c) => c.name.toUpperCase()))),
    source,
    target,
  };
}
