import { useEffect } from 'react';
import { linkClick } from '../shared/router.js';

export function NotFoundPage({ siteName }: { siteName: string }) {
  useEffect(() => {
    document.title = `页面不存在 - ${siteName}`;
  }, [siteName]);
  return (
    <div className="container page">
      <h1 id="main-heading" tabIndex={-1}>页面不存在</h1>
      <p>您访问的页面不存在或已被移除。</p>
      <p><a href="/" onClick={linkClick}>返回首页</a></p>
    </div>
  );
}
