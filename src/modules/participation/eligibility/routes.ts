import type { ModuleServices } from '../../../platform/module';
import { bodyRoutes } from './bodies.routes';
import { codeRoutes } from './codes.routes';
import { counterRoutes } from './counter.routes';
import { verificationRoutes } from './verification.routes';

export async function eligibilityRoutes(app: Parameters<typeof bodyRoutes>[0], { db, config }: ModuleServices): Promise<void> {
  verificationRoutes(app, { db });
  codeRoutes(app, { db, config });
  counterRoutes(app, { db });
  bodyRoutes(app, { db });
}
