import type { FastifyInstance } from 'fastify';
import { litterRoutes } from '../litter';
import { type AngstraeumeDeps, angstraeumeRoutes } from './angstraeume.routes';

export { angstraumBackOfficeLinks } from './angstraeume.menu';
export { angstraumJobs } from './angstraeume.routes';

/**
 * The programme's two named reporters: the Angsträume-Karte (this module) and the Dreckpetze (modules/litter),
 * registered together because they share the statistics page.
 */
export async function registerReporters(app: FastifyInstance, deps: AngstraeumeDeps & Required<Pick<AngstraeumeDeps, 'storage'>>): Promise<void> {
  await angstraeumeRoutes(app, deps);
  await litterRoutes(app, deps);
}
