import type { DataType } from '../catalog/catalog-model.js';
import type { ColumnFeatures, MatchingFeatures, TableFeatures } from './catalog-features.js';
import { classWordsConflict } from './class-words.js';
import { mayBeDayCounts, type SemanticClass, valueEvidence, writtenDateFormat } from './field-semantics.js';
import { aliasedConcepts } from './table-aliases.js';
import type { TableCopy } from './table-copies.js';
import { weightedCoverage, weightedDice } from './token-similarity.js';
import { typeCompatibility } from './type-compatibility.js';
import { stemWord } from './word-stem.js';

/** What the scorer knows beyond the two columns: tables already matched, for foreign keys. */
export interface ScoringContext {
  features: MatchingFeatures;
  /** Source table chosen for each target table matched so far. */
  tableSources: ReadonlyMap<string, string>;
  /** Primary key columns of every source table. */
  sourcePrimaryKeys: ReadonlyMap<string, readonly string[]>;
  /** Source word -> target word learnt from the tables matched so far (`learnTableAliases`). */
  aliases?: ReadonlyMap<string, string>;
  /** Source tables that copy another (audit, history, archive), recognised by shape (`findTableCopies`). */
  copies?: ReadonlyMap<string, TableCopy>;
}

/** A scored pairing of one target field with one source column. */
export interface CandidateScore {
  confidence: number;
  reasons: string[];
}

const noisyOr = (...xs: number[]) => 1 - xs.reduce((p, x) => p * (1 - Math.max(0, Math.min(1, x))), 1);

/** The source type to compare: the declared one, or what the profile saw when declared as plain text. */
function effectiveSourceType(source: ColumnFeatures, target: ColumnFeatures): DataType {
  const declared = source.column.dataType;
  if (writtenDateFormat(source.profile)) return source.profile?.dateFormatCensus?.withTime ? 'datetime' : 'date';
  // Day counts (Horolog, Excel) may be dates: for a date field they are read as the declared type would be.
  const dated = target.column.dataType === 'date' || target.column.dataType === 'datetime';
  if (dated && mayBeDayCounts(source.profile)) return declared === 'integer' ? 'date' : declared;
  const seen = source.profile?.detectedType;
  if (declared !== 'string' || !seen) return declared;
  if (seen === 'date' || seen === 'datetime' || seen === 'integer' || seen === 'decimal') return seen;
  return declared;
}

function nameSimilarity(
  target: ColumnFeatures,
  source: ColumnFeatures,
  concepts: readonly string[],
  features: MatchingFeatures,
): number {
  return (
    weightedDice(target.concepts, concepts, features.nameWeights, target.scale, source.scale) *
    digitAgreement(target, source)
  );
}

/**
 * How far the numbers in two names agree: 1 when equal, 0.3 when both carry different numbers (a line 1 is not a
 * line 3), 0.85 when only one has a number. Applies to every lexical signal, descriptions included.
 */
function digitAgreement(target: ColumnFeatures, source: ColumnFeatures): number {
  const td = target.digits.join(',');
  const sd = source.digits.join(',');
  if (td && sd && td !== sd) return 0.3;
  return td !== sd ? 0.85 : 1;
}

/** Target classes whose values alone identify a source column, and how far they carry it. */
const selfEvidentValues: ReadonlySet<SemanticClass> = new Set(['nhs_number', 'postcode']);
const valueOnlyWeight = 0.5;

/** A name similarity reached through a learnt alias counts this much of a direct one. */
const learntAliasFactor = 0.95;

function nameReason(target: ColumnFeatures, source: ColumnFeatures, sim: number, viaAlias: boolean): string {
  const abbreviated = [...target.tokens, ...source.tokens].some((t) => t.abbreviation);
  const kind = viaAlias ? ' (word learnt from the matched tables)' : abbreviated ? ' (abbreviation)' : '';
  const note = sim >= 0.7 ? kind : ' (partial)';
  return `name tokens ${source.column.name}${sim >= 0.7 ? '≈' : '~'}${target.column.name}${note}`;
}

const externalWords = ['EXTERNAL', 'LEGACY', 'ORIGINAL'].map(stemWord);
const externalIdWords = new Set([
  ...externalWords,
  ...['SYSTEM', 'SOURCE', 'IDENTIFIER', 'ROW', 'RECORD'].map(stemWord),
]);

/**
 * A non-key target field named only for the source system's identifier of the row: EXTERNAL_ID,
 * EXTERNAL_SYSTEM_ID, LEGACY_ID, ORIGINAL_RECORD_ID. A name with other words (MINOR_EXTERNAL_ID) is about
 * something else.
 */
function carriesSourceKey(target: ColumnFeatures): boolean {
  const words = target.concepts;
  return (
    words.includes('IDENTIFIER') &&
    externalWords.some((w) => words.includes(w)) &&
    words.every((w) => externalIdWords.has(w))
  );
}

/** Alignment of keys: 1 when both are primary keys, or both refer to tables already matched to each other. */
function keyAlignment(
  target: ColumnFeatures,
  source: ColumnFeatures,
  sourceTable: TableFeatures,
  ctx: ScoringContext,
): { score: number; reason?: string } {
  const soleKey = sourceTable.primaryKey.length === 1 && source.column.primaryKey;
  if (target.column.primaryKey) {
    return soleKey ? { score: 1, reason: 'primary key of the source table' } : { score: 0 };
  }
  if (!target.referencesTable) {
    return soleKey && carriesSourceKey(target)
      ? { score: 0.8, reason: "the source row's key, kept as the external (legacy) identifier" }
      : { score: 0 };
  }
  const parentSource = ctx.tableSources.get(target.referencesTable);
  if (!parentSource) return { score: 0 };
  if (source.referencesTable === parentSource) {
    return { score: 1, reason: `refers to ${parentSource}, the source of ${target.referencesTable}` };
  }
  const parentKeys = ctx.sourcePrimaryKeys.get(parentSource) ?? [];
  if (!source.column.primaryKey && parentKeys.includes(source.column.name)) {
    return { score: 0.8, reason: `named like ${parentSource}'s key, the source of ${target.referencesTable}` };
  }
  return { score: 0 };
}

const codeWord = stemWord('CODE');

const identifierWord = stemWord('IDENTIFIER');

/**
 * A coded target field (ADMISSION_METHOD, ATTENDANCE_STATUS, ELECTIVE_ADMISSION_TYPE) holds a code whatever
 * its class word says, so a source column named ..._CODE may feed it, and so may a ..._ID column that refers
 * to another table (the key of a lookup row, `MaritalStatusID -> tlkpMaritalStatus`): the class words do not
 * conflict.
 */
function codeFeedsCodedField(target: ColumnFeatures, source: ColumnFeatures): boolean {
  const coded = target.column.dataType === 'code' || target.column.codeType !== undefined;
  const lookupKey = source.head === identifierWord && source.referencesTable !== undefined;
  return coded && (source.head === codeWord || lookupKey);
}

/**
 * Scores one source column as the source of one target field, in [0, 1], with the reasons a reviewer reads.
 * Signals: name concepts (abbreviations expanded, IDF-weighted), descriptions, each name found in the other's
 * description, declared types, keys (primary keys, foreign keys to tables already matched) and, with a profile,
 * what the source values look like (NHS numbers passing Mod 11, date layouts, postcodes).
 *
 * @example
 * scoreCandidate(dobTarget, dobSource, patientTable, ctx)
 * // => { confidence: 0.86, reasons: ['name tokens DOB≈DATE_OF_BIRTH (abbreviation)', 'type date', ...] }
 */
export function scoreCandidate(
  target: ColumnFeatures,
  source: ColumnFeatures,
  sourceTable: TableFeatures,
  ctx: ScoringContext,
): CandidateScore {
  const f = ctx.features;
  const reasons: string[] = [];
  // The source's words, or the same with the words learnt from matched tables swapped in, whichever reads
  // closer to the target (a learnt swap counts a little less than the vendor's own word).
  let concepts: readonly string[] = source.concepts;
  let name = nameSimilarity(target, source, concepts, f);
  const swapped = aliasedConcepts(source.concepts, ctx.aliases);
  if (swapped) {
    const viaAlias = learntAliasFactor * nameSimilarity(target, source, swapped, f);
    if (viaAlias > name) {
      name = viaAlias;
      concepts = swapped;
    }
  }
  if (name >= 0.3) reasons.push(nameReason(target, source, name, concepts !== source.concepts));
  const description = weightedDice(target.description, source.description, f.descriptionWeights);
  if (description >= 0.3) reasons.push(`descriptions ${description >= 0.7 ? 'agree' : 'overlap'}`);
  // A numbered name read in the other's description still needs its number to agree (line 1 is not "line 3").
  const cross =
    Math.max(
      weightedCoverage(target.concepts, source.description, f.nameWeights, target.scale),
      weightedCoverage(concepts, target.description, f.nameWeights, source.scale),
    ) * digitAgreement(target, source);
  if (cross >= 0.6 && name < 0.7) reasons.push('name found in the other description');
  // The target's words that the source's name and description leave unexplained weaken every lexical signal.
  const explained = weightedCoverage(
    target.concepts,
    [...concepts, ...source.description],
    f.nameWeights,
    target.scale,
  );
  let lexical = noisyOr(0.9 * name, 0.75 * description, 0.6 * cross) * (0.5 + 0.5 * explained);
  if (classWordsConflict(target.head, source.head) && !codeFeedsCodedField(target, source)) {
    lexical *= 0.55;
    reasons.push(`class words differ (${source.column.name}, ${target.column.name})`);
  }

  const sourceType = effectiveSourceType(source, target);
  const compat = typeCompatibility(target.column.dataType, sourceType);
  reasons.push(
    sourceType === target.column.dataType ? `type ${sourceType}` : `type ${sourceType}→${target.column.dataType}`,
  );

  const isKey = target.column.primaryKey || target.referencesTable !== undefined;
  const key = keyAlignment(target, source, sourceTable, ctx);
  if (key.reason) reasons.push(key.reason);
  // Keys feed keys: a key target wants a key source, and a source key rarely feeds a plain field.
  const keyMismatch = (isKey && key.score === 0) || (!isKey && source.column.primaryKey && key.score === 0);
  const keyedLexical = keyMismatch ? lexical * 0.6 : lexical;
  let confidence = noisyOr(keyedLexical * (0.4 + 0.6 * compat), 0.9 * key.score);

  const value = valueEvidence(target.semantic, source.profile);
  if (value.score > 0 && lexical >= 0.2) confidence += 0.1 * (1 - confidence);
  // Values of a distinctive kind say what a column is even when its name is cryptic: a column passing Mod 11
  // holds NHS numbers, one of valid postcodes holds postcodes.
  if (value.score > 0 && selfEvidentValues.has(target.semantic) && source.profile) {
    confidence = noisyOr(confidence, valueOnlyWeight * source.profile.conformingShare);
  }
  if (value.score < 0) confidence *= 0.5;
  if (value.reason) reasons.push(value.reason);
  return { confidence: Math.round(confidence * 1000) / 1000, reasons };
}
