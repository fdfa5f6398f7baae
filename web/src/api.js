// Thin client for the workbench HTTP API (docs/api.md). Same origin; the session cookie is
// HttpOnly, the CSRF token is kept in memory only and sent on every state-changing request.

let csrfToken = null;
let onUnauthenticated = null;

export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** Called when a request (other than login/session) comes back 401: the session is gone. */
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

async function parseBody(res) {
  const type = res.headers.get('content-type') || '';
  if (type.includes('json')) {
    try {
      return await res.json();
    } catch {
      return null;
    }
  }
  return await res.text();
}

/**
 * request('GET', '/api/cases') → parsed JSON (or text for text responses).
 * body: undefined, a string (sent as-is as JSON), FormData (multipart) or a value (JSON.stringify).
 * Throws ApiError with the server's {error:{status,code,message}}.
 */
export async function request(method, path, body, { quiet401 = false } = {}) {
  const headers = { Accept: 'application/json, text/plain;q=0.9, */*;q=0.5' };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (typeof body === 'string') {
    payload = body;
    headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', 'The server could not be reached. Is imr serve running?', null);
  }
  const data = await parseBody(res);
  if (!res.ok) {
    const err = data && typeof data === 'object' && data.error ? data.error : null;
    const message = err?.message || (typeof data === 'string' && data.trim()) || `HTTP ${res.status} ${res.statusText}`;
    const e = new ApiError(res.status, err?.code || `http_${res.status}`, message, data);
    if (res.status === 401 && !quiet401 && onUnauthenticated) onUnauthenticated(e);
    throw e;
  }
  return data;
}

export const get = (path, opts) => request('GET', path, undefined, opts);
export const post = (path, body = {}, opts) => request('POST', path, body, opts);
export const put = (path, body = {}, opts) => request('PUT', path, body, opts);

export const casePath = (id) => `/api/cases/${encodeURIComponent(id)}`;

/** A human sentence for an error, with the status for the record. */
export function errorText(e) {
  if (!e) return '';
  if (e instanceof ApiError) {
    if (e.status === 0) return e.message;
    return `${e.message} (${e.status}${e.code ? ' ' + e.code : ''})`;
  }
  return String(e.message || e);
}
