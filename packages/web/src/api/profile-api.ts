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
  conformingShare: number;
  min?: string;
  max?: string;
  topValues: { value: string; count: number }[];
  suppressed: number;
  topValuesWithheld?: boolean;
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
