// React 19 hoists <title> into <head>, so each route names its own tab and
// the history entry a shopper comes back to.
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · Encore Tickets`}</title>;
}
