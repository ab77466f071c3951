/** The METRICS_TOKEN of server processes the tests start, and the header that reads their /metrics. */
export const TEST_METRICS_TOKEN = 'test-metrics-token';
export const metricsHeaders = { authorization: `Bearer ${TEST_METRICS_TOKEN}` };
