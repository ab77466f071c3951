import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { outboxEmails } from '../../src/db/schema.ts';

/** Talks to better-auth's endpoints over real HTTP, keeping the session cookie like a browser. */
export class AuthClient {
  cookie = '';

  constructor(private readonly base: string) {}

  async post(path: string, body: Record<string, unknown>) {
    const response = await fetch(`${this.base}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(body),
    });
    this.keepCookies(response);
    return response;
  }

  /** Opens a link (the magic link) without following its redirect, keeping the cookies it sets. */
  async open(url: string) {
    const response = await fetch(url, { redirect: 'manual', headers: this.cookie ? { cookie: this.cookie } : {} });
    this.keepCookies(response);
    return response;
  }

  private keepCookies(response: Response) {
    const jar = new Map(this.cookie ? this.cookie.split('; ').map((pair) => pair.split('=', 2) as [string, string]) : []);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const value = pair.slice(index + 1);
      if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, index));
      else jar.set(pair.slice(0, index), value);
    }
    this.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The link in the newest sign-in email to this address, from the outbox. */
export async function magicLinkFor(db: Database, email: string) {
  const [latest] = await db
    .select({ body: outboxEmails.body })
    .from(outboxEmails)
    .where(eq(outboxEmails.recipient, email))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  const link = latest?.body.match(/https?:\/\/\S+magic-link\/verify\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link was sent to ${email}`);
  return link;
}
