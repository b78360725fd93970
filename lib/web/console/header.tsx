import { ROLES } from '#lib/domain/staff';
import { PostForm } from '../components';
import { usePage } from '../context';
import type { StaffSession } from './session';
import { currentSection, sectionsFor } from './navigation';

/**
 * The console's header: its name (to Today), the sections the signed-in person's roles open, who they are
 * (name, agency, roles) and the sign-out button (a form: signing out changes state, so it is a POST).
 */
export function ConsoleHeader({ staff }: { staff: StaffSession | undefined }) {
  const { t, path } = usePage();
  const current = currentSection(path);
  return (
    <>
      <a class="site-name" href="/console">
        {t('console.name')}
      </a>
      {staff ? (
        <>
          <nav class="site-nav" aria-label={t('console.nav.label')}>
            <ul>
              {sectionsFor(staff.principal.roles).map((section) => (
                <li key={section.href}>
                  <a href={section.href} aria-current={section === current ? 'page' : undefined}>
                    {t(section.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="who">
            <p>
              {t('console.signedInAs', {
                name: staff.account.name,
                agency: staff.agencyName,
              })}
              <span class="muted">
                {' '}
                {t('console.roles', {
                  roles: ROLES.filter((role) => staff.principal.roles.has(role))
                    .map((role) => t(`console.role.${role}`))
                    .join('、'),
                })}
              </span>
            </p>
            <PostForm action="/console/sign-out" class="inline-form">
              <button type="submit" class="link-button">
                {t('console.signOut')}
              </button>
            </PostForm>
          </div>
        </>
      ) : null}
    </>
  );
}
