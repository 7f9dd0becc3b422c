import type { StaffLogin } from '../../helpers/triageApp';

/** A signed-in console session over plain HTTP: its cookie and the CSRF token its pages carry. */
export interface ConsoleClient {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>): Promise<Response>;
}

/** Posts an HTML form (no redirects followed, so tests see the 303s). */
export function postForm(url: string, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

export function getPage(url: string, path: string, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** Signs in through the form, then reads the CSRF token from the queue page (or where it sends you: a partnership account's indicators). */
export async function signInOverHttp(url: string, login: StaffLogin): Promise<ConsoleClient> {
  const res = await postForm(url, '/triage/sign-in', { name: login.id, password: login.password });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const first = await getPage(url, '/triage', cookie);
  const landing = first.status === 303 ? await getPage(url, first.headers.get('location') ?? '/triage', cookie) : first;
  const queue = await landing.text();
  const csrf = csrfIn(queue);
  return {
    cookie,
    csrf,
    get: (path) => getPage(url, path, cookie),
    post: (path, fields) => postForm(url, path, fields, cookie),
  };
}

/** The CSRF token in a page's forms. */
export function csrfIn(page: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}
