import { useState, type FormEvent } from 'react';
import { filterProblem, STATUS_WORDS, type OrdersFilter, type OrderStatus } from '../organizer/ordersFilter';
import { FormField } from './FormField';

/** Search, status and dates; applied together with the button (or Enter) so each keystroke is not a request. */
export function OrdersFilters(props: { filter: OrdersFilter; onApply: (filter: OrdersFilter) => void }) {
  const [draft, setDraft] = useState(props.filter);
  const problem = filterProblem(draft);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!problem) props.onApply(draft);
  }
  const set = (field: keyof OrdersFilter) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  return (
    <form className="orders-filters" role="search" aria-label="Find orders" onSubmit={submit}>
      <FormField id="orders-search" label="Order code or email" error={undefined}>
        {(control) => <input {...control} type="search" value={draft.search} onChange={set('search')} />}
      </FormField>
      <FormField id="orders-status" label="Status">
        {(control) => (
          <select {...control} value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value as OrderStatus | '' })}>
            <option value="">Any status</option>
            {(Object.keys(STATUS_WORDS) as OrderStatus[]).map((status) => (
              <option key={status} value={status}>
                {STATUS_WORDS[status]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="orders-from" label="Placed from">
        {(control) => <input {...control} type="date" value={draft.from} onChange={set('from')} />}
      </FormField>
      <FormField id="orders-to" label="Placed until" error={problem ?? undefined}>
        {(control) => <input {...control} type="date" value={draft.to} onChange={set('to')} />}
      </FormField>
      <button type="submit" className="button button--primary">
        Search
      </button>
    </form>
  );
}
