import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type LifecycleStage, type RunEvent, runsApi } from '../api/runs-api';

/** What the live stream has said about one stage. */
export interface StageProgress {
  state: 'waiting' | 'running' | 'Success' | 'Reused' | 'Error';
  done?: number;
  total?: number;
  label?: string;
  ms?: number;
}

/** The live progress of a run, folded from its server-sent events. */
export interface RunProgress {
  stages: Partial<Record<LifecycleStage, StageProgress>>;
  current: LifecycleStage | null;
  finished: { status: string; outcome: string | null; error?: string } | null;
  connected: boolean;
}

const empty: RunProgress = { stages: {}, current: null, finished: null, connected: false };

/** Applies one event to the progress (pure, so it is easy to test). */
export function foldRunEvent(progress: RunProgress, event: RunEvent): RunProgress {
  switch (event.type) {
    case 'stage-start':
      return { ...progress, current: event.stage, stages: { ...progress.stages, [event.stage]: { state: 'running' } } };
    case 'stage-progress':
      return {
        ...progress,
        current: event.stage,
        stages: {
          ...progress.stages,
          [event.stage]: { state: 'running', done: event.done, total: event.total, label: event.label },
        },
      };
    case 'stage-end':
      return {
        ...progress,
        stages: {
          ...progress.stages,
          [event.stage]: { ...progress.stages[event.stage], state: event.status, ms: event.ms },
        },
      };
    case 'run-finished':
      return {
        ...progress,
        current: null,
        finished: { status: event.status, outcome: event.outcome, error: event.error },
      };
    default:
      return progress;
  }
}

/**
 * Follows a run's server-sent events (`/api/runs/:id/events`) until it finishes, then refreshes the run queries.
 *
 * @example
 * const progress = useRunProgress(run.id);
 */
export function useRunProgress(runId: string | null): RunProgress {
  const client = useQueryClient();
  const [progress, setProgress] = useState<RunProgress>(empty);
  useEffect(() => {
    setProgress(empty);
    if (!runId) return;
    const source = new EventSource(runsApi.eventsUrl(runId));
    const onEvent = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as RunEvent;
      setProgress((p) => foldRunEvent(p, event));
      if (event.type === 'run-finished') {
        source.close();
        client.invalidateQueries({ queryKey: ['runs'] });
        client.invalidateQueries({ queryKey: ['run', runId] });
      }
    };
    for (const type of ['stage-start', 'stage-progress', 'stage-end', 'run-status', 'run-finished']) {
      source.addEventListener(type, onEvent as EventListener);
    }
    source.onopen = () => setProgress((p) => ({ ...p, connected: true }));
    source.onerror = () => setProgress((p) => ({ ...p, connected: false }));
    return () => source.close();
  }, [runId, client]);
  return progress;
}
