import type { FerryApp } from '../app-types.js';
import { healthRoute } from './meta/health-route.js';
import { metricsRoute } from './meta/metrics-route.js';
import { readyRoute } from './meta/ready-route.js';
import { versionRoute } from './meta/version-route.js';

/** Every route of the API, one file each; this list only connects them. */
export const routeModules: ReadonlyArray<(app: FerryApp) => void> = [
  healthRoute,
  readyRoute,
  metricsRoute,
  versionRoute,
];

export async function registerRoutes(app: FerryApp): Promise<void> {
  for (const register of routeModules) register(app);
}
