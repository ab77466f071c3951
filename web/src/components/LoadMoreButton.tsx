/** Asks for the page after the last one shown; while it loads, the button says so and cannot be pressed again. */
export function LoadMoreButton(props: { label: string; loading: boolean; onLoadMore: () => void }) {
  return (
    <div className="load-more">
      <button type="button" className="button button--secondary" disabled={props.loading} onClick={props.onLoadMore}>
        {props.loading ? 'Loading…' : props.label}
      </button>
    </div>
  );
}
