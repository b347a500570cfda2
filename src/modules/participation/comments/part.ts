import { contribute, label } from '../../../platform/module';
import { personalData } from '../../../platform/personal-data';
import * as m0030 from '../migrations/0030_participation_comments';
import type { ModulePart } from '../parts';
import { commentRoutes } from './comments.routes';
import { sendParticipationDigests } from './digest';
import { followRoutes } from './follows.routes';
import { commentMessages } from './messages';
import { moderationRoutes } from './moderation.routes';
import { commentsPersonalData } from './personal-data';
import { followsAccountSection } from './views/account-section';

// The comments feature of the participation core: comments, moderation and follows with their digest mail.
export const commentsPart: ModulePart = {
  migrations: { '0030_participation_comments': m0030 },
  routes: async (app, services) => {
    await commentRoutes(app, services);
    await followRoutes(app, services);
    await moderationRoutes(app, services);
  },
  jobs: ({ db, config, modules }) => [
    // Each follower's period counts from their last digest; the job only looks often enough to be on time.
    {
      name: 'participation-digests',
      everySeconds: 300,
      run: () => sendParticipationDigests({ db, modules, secret: config.secret, publicUrl: config.publicUrl }),
    },
  ],
  backOffice: [{ href: '/verwaltung/moderation', label: label(commentMessages, 'bo.menu'), roles: ['admin', 'moderator'], section: 'work', order: 40 }],
  contributes: [contribute(personalData, commentsPersonalData), followsAccountSection],
  messages: [commentMessages],
};
