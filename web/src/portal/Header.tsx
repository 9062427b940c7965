import { linkClick } from '../shared/router.js';
import { useLargeText } from './largeText.js';

export const NAV_LINKS = [
  { href: '/', label: '信用查询' },
  { href: '/lists', label: '红黑名单' },
  { href: '/publicity', label: '双公示' },
  { href: '/objection', label: '异议申请' },
  { href: '/repair', label: '信用修复' },
  { href: '/report', label: '失信举报' },
  { href: '/follow', label: '进度查询' },
] as const;

export function Header({ siteName, pathname }: { siteName: string; pathname: string }) {
  const [largeText, toggleLargeText] = useLargeText();
  const current = (href: string) => (href === '/' ? pathname === '/' || pathname.startsWith('/subjects/') : pathname === href);
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a className="site-header__brand" href="/" onClick={linkClick}>
          <span className="site-header__mark" aria-hidden="true">信</span>
          <span className="site-header__name">{siteName}</span>
        </a>
        <button
          type="button"
          className="toggle-button"
          aria-pressed={largeText}
          onClick={toggleLargeText}
        >
          大字模式
        </button>
      </div>
      <nav className="site-nav" aria-label="主导航">
        <ul className="container site-nav__list">
          {NAV_LINKS.map((link) => (
            <li key={link.href}>
              <a href={link.href} onClick={linkClick} aria-current={current(link.href) ? 'page' : undefined}>{link.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
