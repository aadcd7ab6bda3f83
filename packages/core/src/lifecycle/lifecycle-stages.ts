/** The lifecycle's stages, in order. `generate` runs only when the source is a synthetic cohort. */
export const lifecycleStages = [
  'generate',
  'profile',
  'map',
  'migrate',
  'check',
  'gate',
  'reconcile',
  'evidence',
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export function isLifecycleStage(s: string): s is LifecycleStage {
  return (lifecycleStages as readonly string[]).includes(s);
}

export function stageIndex(stage: LifecycleStage): number {
  return lifecycleStages.indexOf(stage);
}
