// The few parts of autocannon 9 the load worker uses (it ships no types of its own).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Request {
      body?: string;
      onResponse?: (status: number, body: string) => void;
    }
    interface Options {
      url: string;
      method?: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      idReplacement?: boolean;
      headers?: Record<string, string>;
      requests?: Request[];
    }
    interface Result {
      errors: number;
      timeouts: number;
      requests: { total: number };
    }
    type Instance = EventEmitter & PromiseLike<Result>;
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
