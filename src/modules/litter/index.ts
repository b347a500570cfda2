export { formatChange, linearTrend, TARGET_ANNUAL_CHANGE } from './litter';
export { type LitterDeps, litterRoutes } from './litter.routes';
export { type LitterStatistics, litterStatistics } from './litter.service';
