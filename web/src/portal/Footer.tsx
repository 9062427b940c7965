import { linkClick } from '../shared/router.js';
import type { SiteInfo } from './types.js';

export function Footer({ site }: { site: SiteInfo }) {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__name">{site.name}</p>
        {site.operator && <p>主办单位：{site.operator}</p>}
        {site.contact && <p>联系方式：{site.contact}</p>}
        <p>
          <a href="/accessibility" onClick={linkClick}>无障碍声明</a>
        </p>
      </div>
    </footer>
  );
}
