import type { StaffRole } from '../../db-schema';
import { type Locale, translator } from '../../platform/i18n';
import { messages } from './messages';

/** Back-office menu entries of the Angsträume feature, by role: [href, label]. */
export function angstraumBackOfficeLinks(role: StaffRole | null | undefined, locale: Locale): Array<[string, string]> {
  const t = translator(messages, locale);
  if (!role) return [];
  const links: Array<[string, string]> = [['/verwaltung/angstraeume', t('bo.menu')]];
  if (role === 'admin') links.push(['/verwaltung/angstraeume/einstellungen', t('bo.menuSettings')]);
  return links;
}
