import type { FerryApp } from '../../app-types.js';
import { createTargetRoute } from './create-target-route.js';
import { deleteTargetRoute } from './delete-target-route.js';
import { listTargetsRoute } from './list-targets-route.js';
import { setTargetHostsRoute } from './set-target-hosts-route.js';
import { testTargetRoute } from './test-target-route.js';

/** The target database registry of an organisation, and the hosts the operator allowed it. */
export function targetRoutes(app: FerryApp): void {
  listTargetsRoute(app);
  createTargetRoute(app);
  deleteTargetRoute(app);
  testTargetRoute(app);
  setTargetHostsRoute(app);
}
