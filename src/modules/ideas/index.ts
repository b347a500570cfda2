import { defineModule } from '../../platform/module';

export type { IdeaTables } from './tables';

/** KümmertEuch: residents' ideas with supports, comments, thresholds and official answers. */
export const ideasModule = defineModule({ name: 'ideas' });
