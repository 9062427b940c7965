import { useEffect } from 'react';
import { linkClick } from '../shared/router.js';
import type { SiteInfo } from './types.js';

export function AccessibilityPage({ site }: { site: SiteInfo }) {
  useEffect(() => {
    document.title = `无障碍声明 - ${site.name}`;
  }, [site.name]);
  return (
    <div className="container page prose">
      <h1 id="main-heading" tabIndex={-1}>无障碍声明</h1>
      <p>
        {site.name}致力于让所有人都能平等、便捷地获取公共信用信息。本网站参照
        《信息技术 互联网内容无障碍可访问性技术要求与测试方法》（GB/T 37668—2019）进行设计和建设。
      </p>
      <h2>已提供的无障碍功能</h2>
      <ul>
        <li>全部功能可仅使用键盘操作，并提供“跳转到主要内容”链接；</li>
        <li>表单控件均有文字标签，可被读屏软件识别；</li>
        <li>页面顶部的“大字模式”可放大全站文字，设置会保存在本机浏览器中；</li>
        <li>页面适配手机等小屏幕设备，并支持浏览器缩放。</li>
      </ul>
      <h2>意见反馈</h2>
      <p>
        如您在使用中遇到无障碍方面的问题，请联系我们
        {site.contact ? `：${site.contact}` : '。'}
      </p>
      <p><a href="/" onClick={linkClick}>返回首页</a></p>
    </div>
  );
}
