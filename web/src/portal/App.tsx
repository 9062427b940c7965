import { useEffect, useRef } from 'react';
import { useLocation } from '../shared/router.js';
import { useSiteInfo } from '../shared/site.js';
import { AccessibilityPage } from './AccessibilityPage.js';
import { EntryPage } from './EntryPage.js';
import { FollowPage } from './FollowPage.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HomePage } from './HomePage.js';
import { ListsPage } from './ListsPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { ObjectionPage } from './ObjectionPage.js';
import { PublicityPage } from './PublicityPage.js';
import { RepairPage } from './RepairPage.js';
import { ReportPage } from './ReportPage.js';
import { SubjectPage } from './SubjectPage.js';

/** Moves keyboard/screen-reader focus to the new page's heading after in-app navigation. */
function useFocusOnNavigate(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main-heading')?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);
}

const SUBJECT_PATH = /^\/subjects\/([^/]+)\/?$/;
const ENTRY_PATH = /^\/entries\/([^/]+)\/?$/;

export function App() {
  const site = useSiteInfo();
  const { pathname } = useLocation();
  useFocusOnNavigate(pathname);

  let page: React.ReactNode;
  const subjectMatch = SUBJECT_PATH.exec(pathname);
  const entryMatch = ENTRY_PATH.exec(pathname);
  if (pathname === '/' || pathname === '/index.html') page = <HomePage siteName={site.name} />;
  else if (subjectMatch) page = <SubjectPage uscc={decodeURIComponent(subjectMatch[1] ?? '')} siteName={site.name} />;
  else if (entryMatch) page = <EntryPage id={decodeURIComponent(entryMatch[1] ?? '')} siteName={site.name} />;
  else if (pathname === '/publicity') page = <PublicityPage siteName={site.name} />;
  else if (pathname === '/accessibility') page = <AccessibilityPage site={site} />;
  else if (pathname === '/lists') page = <ListsPage siteName={site.name} />;
  else if (pathname === '/objection') page = <ObjectionPage siteName={site.name} />;
  else if (pathname === '/repair') page = <RepairPage siteName={site.name} />;
  else if (pathname === '/report') page = <ReportPage siteName={site.name} />;
  else if (pathname === '/follow') page = <FollowPage siteName={site.name} />;
  else page = <NotFoundPage siteName={site.name} />;

  return (
    <>
      <a className="skip-link" href="#main">跳转到主要内容</a>
      <Header siteName={site.name} pathname={pathname} />
      <main id="main" className="main">
        {page}
      </main>
      <Footer site={site} />
    </>
  );
}
