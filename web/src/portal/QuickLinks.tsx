import { linkClick } from '../shared/router.js';

const LINKS: { label: string; note: string; href?: string }[] = [
  { label: '红黑名单', note: '守信激励与失信惩戒名单', href: '/lists' },
  { label: '异议申请', note: '认为信息有误，在线提出', href: '/objection' },
  { label: '信用修复', note: '纠正失信行为后申请', href: '/repair' },
  { label: '失信举报', note: '可匿名，严格保密', href: '/report' },
  { label: '进度查询', note: '凭回执码查询办理进度', href: '/follow' },
  { label: '信用承诺', note: '即将上线' },
  { label: '双公示', note: '行政许可与行政处罚', href: '/publicity' },
  { label: '政策法规', note: '即将上线' },
];

/** Entry points to the other public sections; those not built yet are shown disabled. */
export function QuickLinks() {
  return (
    <nav className="quick-links" aria-label="快捷入口">
      <ul className="quick-links__list">
        {LINKS.map(({ label, note, href }) => (
          <li key={label}>
            {href ? (
              <a className="quick-links__item quick-links__item--link" href={href} onClick={linkClick}>
                <span className="quick-links__label">{label}</span>
                <span className="quick-links__note">{note}</span>
              </a>
            ) : (
              <span className="quick-links__item" aria-disabled="true">
                <span className="quick-links__label">{label}</span>
                <span className="quick-links__note">{note}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
