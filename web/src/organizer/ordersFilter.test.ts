import { describe, expect, it } from 'vitest';
import { filterProblem, noFilter, ordersVariables, ORDERS_PAGE_SIZE } from './ordersFilter';

describe('orders filter', () => {
  it('sends only the filters that are set', () => {
    expect(ordersVariables('C1', noFilter)).toEqual({ concertId: 'C1', first: ORDERS_PAGE_SIZE });
    expect(ordersVariables('C1', { ...noFilter, search: '  ann@ ', status: 'CONFIRMED' })).toEqual({ concertId: 'C1', first: ORDERS_PAGE_SIZE, search: 'ann@', status: ['CONFIRMED'] });
  });

  it('reads a date range as whole local days, the last one included', () => {
    const variables = ordersVariables('C1', { ...noFilter, from: '2027-03-01', to: '2027-03-02' });
    expect(variables.createdFrom).toBe(new Date(2027, 2, 1).toISOString());
    expect(variables.createdTo).toBe(new Date(2027, 2, 3).toISOString());
    expect(ordersVariables('C1', { ...noFilter, from: 'soon' }).createdFrom).toBeUndefined();
  });

  it('says when a range ends before it starts', () => {
    expect(filterProblem({ ...noFilter, from: '2027-03-02', to: '2027-03-01' })).toBe('The end date is before the start date.');
    expect(filterProblem({ ...noFilter, from: '2027-03-02' })).toBeNull();
  });
});
