/**
 * The window's navigation, styled like a native source list. Buttons, not links: there are
 * no URLs in this app, and buttons get keyboard activation and focus for free.
 */
import { useTranslation } from 'react-i18next';
import type { View } from '../../shared/ipc';
import type { Route } from '../app/useNavigation';
import { Icon, type IconName } from './Icon';

const ITEMS: { view: View; icon: IconName; key: string }[] = [
  { view: 'dashboard', icon: 'dashboard', key: 'nav.dashboard' },
  { view: 'history', icon: 'chart', key: 'nav.history' },
  { view: 'settings', icon: 'settings', key: 'nav.settings' },
];

/**
 * `aria-current="page"` marks the active screen for screen readers as well as visually.
 * Below 760 px only the icons show; each label stays the button's accessible name
 * (visually hidden, not removed) and appears as a tooltip on hover and keyboard focus.
 */
export function Sidebar({
  route,
  go,
  hasAccounts,
}: {
  route: Route;
  go: (r: Route) => void;
  hasAccounts: boolean;
}) {
  const { t } = useTranslation();
  const active =
    route.view === 'diagnosis'
      ? 'dashboard'
      : route.view === 'onboarding' && hasAccounts
        ? null
        : route.view === 'onboarding'
          ? 'dashboard'
          : route.view;
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="spark" size={16} />
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <ul className="nav-list">
        {ITEMS.map((item) => (
          <li key={item.view}>
            <button
              type="button"
              className="nav-item"
              aria-current={active === item.view ? 'page' : undefined}
              onClick={() => go({ view: item.view })}
            >
              <Icon name={item.icon} size={16} />
              <span className="nav-label">{t(item.key)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        {hasAccounts ? (
          <button
            type="button"
            className="nav-item"
            aria-current={route.view === 'onboarding' ? 'page' : undefined}
            onClick={() => go({ view: 'onboarding' })}
          >
            <Icon name="plus" size={16} />
            <span className="nav-label">{t('nav.addAccount')}</span>
          </button>
        ) : null}
      </div>
    </nav>
  );
}
