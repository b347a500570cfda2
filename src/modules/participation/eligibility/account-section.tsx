import { translator } from '../../../platform/i18n';
import { contribute } from '../../../platform/module';
import { type AccountSection, accountSection } from '../../accounts';
import { berlinDay } from './age';
import { messages } from './messages';
import { verificationSummary } from './summary';
import { verificationOf } from './verification.queries';
import { VerificationForm } from './views/verification-page';

// "Mein Konto" shows the verification ("Verifiziert: Stadtbezirk X, Altersgruppe Y, gültig bis Z") and the code
// form, which posts to /konto/verifizierung (that page shows a wrong code's message).

const verification: AccountSection = {
  id: 'verifizierung',
  order: 15,
  title: (locale) => translator(messages, locale)('section.title'),
  async render(db, ctx, holder) {
    const v = await verificationOf(db, holder.organizationId, holder.userId);
    return <VerificationForm ctx={ctx} status={verificationSummary(ctx.locale, v, ctx.org.name, berlinDay(new Date()))} />;
  },
};

export const verificationAccountSection = contribute(accountSection, verification);
