/**
 * API schemas. One file per area exports its schemas by name and its `xxxRoutes`; add the area's routes to
 * `apiRoutes` below (the BFF mounts and documents exactly this list; a test checks it has no duplicates).
 */
import type { ApiRoute } from './route';
import { systemRoutes } from './system';
import { authRoutes } from './auth';
import { caseRoutes } from './cases';
import { reviewRoutes } from './review';
import { mediaRoutes } from './media';
import { unitQueryRoutes } from './unit';
import { certificateRoutes } from './certificates';
import { personRoutes } from './person';
import { contributionRoutes } from './contributions';

export * from './route';
export * from './common';
export * from './system';
export * from './auth';
export * from './cases';
export * from './review';
export * from './media';
export * from './unit';
export * from './certificates';
export * from './person';
export * from './contributions';

/** Every endpoint of the API. */
export const apiRoutes: readonly ApiRoute[] = [
  ...systemRoutes,
  ...authRoutes,
  ...caseRoutes,
  ...reviewRoutes,
  ...mediaRoutes,
  ...unitQueryRoutes,
  ...certificateRoutes,
  ...personRoutes,
  ...contributionRoutes,
  // ...authRoutes, ...personRoutes, ...unitRoutes, ...caseRoutes, ...certificateRoutes, ...reviewRoutes
];
