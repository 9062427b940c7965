import { linkClick } from '../shared/router.js';
import { useLargeText } from './largeText.js';

export function Header({ siteName }: { siteName: string }) {
  const [largeText, toggleLargeText] = useLargeText();
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
    </header>
  );
}
