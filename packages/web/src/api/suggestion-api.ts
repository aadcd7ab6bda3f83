import { api } from './api-client';
import { runsApi } from './runs-api';

/** One candidate source column for a target field, with its confidence and the reason in words. */
export interface ColumnCandidate {
  table: string;
  column: string;
  confidence: number;
  reason: string;
}

/** The automatic mapping suggestion for one target field (the map stage's `suggestion.json`). */
export interface FieldSuggestion {
  target: string;
  dataType: string;
  mandatory: boolean;
  crosswalk?: string;
  constant?: { value: string; reason: string };
  best?: ColumnCandidate;
  alternatives: ColumnCandidate[];
}

interface SuggestionReport {
  minConfidence: number;
  tables: {
    target: string;
    source?: { table: string; confidence: number; reason: string };
    fields: FieldSuggestion[];
  }[];
}

/** Suggestions by `TABLE.COLUMN`, with the driving source table the map stage chose for each target table. */
export interface Suggestions {
  minConfidence: number;
  fields: Map<string, FieldSuggestion & { tableSource?: { table: string; confidence: number; reason: string } }>;
}

/** The mapping suggestion of a run, read from its `map/suggestion.json` artefact (the download is audited). */
export const suggestionApi = {
  suggestions: async (runId: string): Promise<Suggestions> => {
    const report = await api.get<SuggestionReport>(runsApi.artefactUrl(runId, 'map', 'suggestion.json'));
    const fields: Suggestions['fields'] = new Map();
    for (const t of report.tables)
      for (const f of t.fields) fields.set(`${t.target}.${f.target}`, { ...f, tableSource: t.source });
    return { minConfidence: report.minConfidence, fields };
  },
};
