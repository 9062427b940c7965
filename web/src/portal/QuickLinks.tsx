const QUICK_LINKS = ['信用承诺', '红黑名单', '双公示', '政策法规'] as const;

/** Entry points to the other public sections; all disabled until those sections are built. */
export function QuickLinks() {
  return (
    <nav className="quick-links" aria-label="快捷入口">
      <ul className="quick-links__list">
        {QUICK_LINKS.map((label) => (
          <li key={label}>
            <span className="quick-links__item" aria-disabled="true">
              <span className="quick-links__label">{label}</span>
              <span className="quick-links__note">即将上线</span>
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
