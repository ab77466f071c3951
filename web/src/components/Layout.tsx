import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { graphql } from '../gql/gql';
import { AccountNav } from './AccountNav';

// Who is signed in, for the header; pages that depend on it ask for `viewer` too and share this
// cache entry. Signing in or out resets the store, which asks again.
const LayoutViewerQuery = graphql(/* GraphQL */ `
  query LayoutViewer {
    viewer {
      ...AccountNav_viewer
    }
  }
`);

export function Layout() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { data } = useQuery(LayoutViewerQuery);

  // A client-side navigation leaves focus on the link that was clicked, deep
  // in a page that is gone; screen-reader and keyboard users start over at
  // the new content instead, as after a full page load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand" end>
            Encore<span aria-hidden="true">★</span>
          </NavLink>
          <nav aria-label="Main">
            <NavLink to="/" end>
              Concerts
            </NavLink>
            <NavLink to="/dashboard">Dashboard</NavLink>
            <AccountNav viewer={data ? data.viewer : undefined} />
          </nav>
        </div>
      </header>
      <main id="main" ref={main} className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
