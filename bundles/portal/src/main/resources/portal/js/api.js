// The one way the portal talks to the platform: the REST API beside it, with the session cookie. The CSRF token
// and the user live in memory only; a reload asks the server again (GET /sessions/current).
const BASE = new URL('../api/v1/', document.baseURI);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let session = null;
const listeners = { unauthenticated: () => {}, refused: () => {} };

/** An error answer of the API: {"error": CODE, "message": ..., "field": ...} and the HTTP status. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body.message || body.error || String(status));
    this.status = status;
    this.code = body.error || 'HTTP_' + status;
    this.field = body.field || null;
    this.errors = body.errors || [];
    this.retryAfter = body.retryAfter || null;
  }
}

export function on(event, fn) {
  listeners[event] = fn;
}

export function current() {
  return session;
}

export function url(path, query) {
  const u = new URL(path.replace(/^\//, ''), BASE);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') {
      u.searchParams.set(k, v);
    }
  }
  return u;
}

/**
 * One request. opts: query, body (JSON unless a string), type, accept, headers (e.g. the re-authentication
 * ones), raw (answer the Response). Errors are thrown as ApiError; an expired session and a refused address are
 * also reported to the page, which shows the login or the whitelist page.
 */
export async function request(method, path, opts = {}) {
  const headers = { 'X-Requested-With': 'mtm-portal', Accept: opts.accept || 'application/json', ...(opts.headers || {}) };
  let body;
  if (opts.body !== undefined) {
    headers['Content-Type'] = opts.type || 'application/json';
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  }
  if (UNSAFE.has(method) && session) {
    headers['X-CSRF-Token'] = session.csrfToken;
  }
  let res;
  // A request that did not reach the server is tried again (Chrome drops requests when the network changes) when
  // repeating it is harmless: a read, or a change with an idempotency key, which the platform answers only once.
  const repeatable = method === 'GET' || 'Idempotency-Key' in headers;
  for (let attempt = 0; !res; attempt++) {
    try {
      res = await fetch(url(path, opts.query), { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
      if (!repeatable || attempt >= 3) {
        throw new ApiError(0, { error: 'NETWORK', message: String(e.message || e) });
      }
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    }
  }
  if (res.ok) {
    if (opts.raw) {
      return res;
    }
    return res.status === 204 ? null : (res.headers.get('Content-Type') || '').includes('json') ? res.json() : res.text();
  }
  let data = {};
  try {
    data = await res.json();
  } catch (ignored) {
    data = { error: 'HTTP_' + res.status, message: res.statusText };
  }
  data.retryAfter = res.headers.get('Retry-After');
  const err = new ApiError(res.status, data);
  if (err.code === 'IP_NOT_ALLOWED') {
    listeners.refused(err);
  } else if (res.status === 401 && err.code === 'UNAUTHENTICATED' && !err.field && session && !opts.login) {
    // Only a 401 naming no field is the session's end: a wrong password or code given again names its field.
    session = null;
    listeners.unauthenticated(err);
  }
  throw err;
}

export const get = (p, query, opts) => request('GET', p, { ...opts, query });
export const post = (p, body, opts) => request('POST', p, { ...opts, body });
export const put = (p, body, opts) => request('PUT', p, { ...opts, body });
export const patch = (p, body, opts) => request('PATCH', p, { ...opts, body });
export const del = (p, query, opts) => request('DELETE', p, { ...opts, query });

export async function login(username, password, otp) {
  const body = { username, password };
  if (otp) {
    body.otp = otp;
  }
  session = await request('POST', 'sessions', { body, login: true });
  return session;
}

/** The session the cookie stands for, or null when there is none. */
export async function resume() {
  try {
    session = await request('GET', 'sessions/current', { login: true });
  } catch (e) {
    if (e.status === 401) {
      session = null;
      return null;
    }
    throw e;
  }
  return session;
}

/** Ends the session; without one (already ended, or never opened) there is nothing to end. */
export async function logout() {
  if (!session) {
    return;
  }
  try {
    await request('DELETE', 'sessions/current', { login: true });
  } catch (e) {
    if (e.status !== 401) {
      throw e;
    }
  } finally {
    session = null;
  }
}

/** The headers of a dangerous action: the password again (and the two-factor code), never kept. */
export function reauth(password, otp) {
  const h = { 'X-MTM-Password': password };
  if (otp) {
    h['X-MTM-OTP'] = otp;
  }
  return h;
}

/** A new idempotency key, so that a retried click never starts a second job. */
export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
}

/** Saves a CSV (or any text) answer as a download. */
export async function download(path, query, filename) {
  const res = await request('GET', path, { query, accept: 'text/csv', raw: true });
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
