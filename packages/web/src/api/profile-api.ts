import { api } from './api-client';
import { runsApi } from './runs-api';

/** Per-column statistics of the profile stage (values only where small-cell suppression allows). */
export interface ColumnProfile {
  name: string;
  rows: number;
  nulls: number;
  blanks: number;
  nonEmpty: number;
  distinct: number;
  distinctIsEstimate: boolean;
  minLength?: number;
  maxLength?: number;
  detectedType: string;
  format?: string;
  /** Real dates and date-times seen per layout. */
  dateFormats?: Record<string, number>;
  conformingShare: number;
  /** How min and max were chosen (`lexical` extremes of codes or text may be small-cell values). */
  extremes?: 'numeric' | 'chronological' | 'lexical' | 'withheld' | 'none';
  min?: string;
  max?: string;
  topValues: { value: string; count: number }[];
  suppressed: number;
  topValuesWithheld?: boolean;
  /** The kind of personal identifier the column holds (declared or guessed): values and extremes withheld. */
  identifier?: string;
}

export interface TableProfile {
  name: string;
  rows: number;
  raggedRows: number;
  columns: ColumnProfile[];
}

/** The profile of a run's source data, read from its `profile/profile.json` artefact (the download is audited). */
export const profileApi = {
  profile: async (runId: string): Promise<Map<string, TableProfile>> => {
    const report = await api.get<{ tables: TableProfile[] }>(runsApi.artefactUrl(runId, 'profile', 'profile.json'));
    return new Map(report.tables.map((t) => [t.name, t]));
  },
};

/** One source column's profile: from the latest run that profiled the source, or from the source draft's extract. */
export interface SourceColumnProfile {
  /** null when the profile is the source draft's (no run has profiled the source since). */
  runId: string | null;
  from: 'run' | 'source-draft';
  profiledAt: string;
  smallCellThreshold: number;
  table: { name: string; rows: number; raggedRows: number };
  column: ColumnProfile;
}

/** GET /api/projects/:id/profile/columns/:table/:column (404 until the source has been profiled). */
export const columnProfileApi = {
  column: (projectId: string, table: string, column: string) =>
    api.get<SourceColumnProfile>(
      `/api/projects/${projectId}/profile/columns/${encodeURIComponent(table)}/${encodeURIComponent(column)}`,
    ),
};
