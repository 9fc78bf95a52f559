// The one way the apps talk to the gateway: same-origin fetch with the session cookie (HttpOnly, set by the
// server) and, on anything but GET, the session's CSRF token in X-Candor-CSRF. No API secret is ever in the page.
const CSRF_HEADER = 'X-Candor-CSRF';
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// Who is logged in, or null. The answer is 200 either way, so a logged-out page logs no failed request.
export async function currentSession() {
  const answer = await request('GET', '/web/v1/session');
  csrfToken = answer.loggedIn ? answer.csrfToken : null;
  return answer.loggedIn ? answer : null;
}

export async function login(username, password) {
  const answer = await request('POST', '/web/v1/login', {username, password}, 'login');
  csrfToken = answer.csrfToken;
  return answer;
}

export async function logout() {
  await request('POST', '/web/v1/logout', {});
  csrfToken = null;
}

export function api(method, path, params) {
  return request(method, path, params);
}

async function request(method, path, params, csrf) {
  const headers = {Accept: 'application/json'};
  let url = path;
  let body;
  const query = params ? new URLSearchParams(params).toString() : '';
  if (method === 'GET' || method === 'DELETE') {
    if (query) url += '?' + query;
  } else {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = query;
  }
  if (method !== 'GET') headers[CSRF_HEADER] = csrf || csrfToken || '';
  const response = await fetch(url, {method, headers, body, credentials: 'same-origin', cache: 'no-store'});
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && onLoggedOut) onLoggedOut();
    throw new ApiError(response.status, json && json.code, (json && (json.msg || json.message)) || ('HTTP ' + response.status));
  }
  return json;
}

let onLoggedOut = null;
export function whenLoggedOut(callback) {
  onLoggedOut = callback;
}

export function formatTime(ms) {
  if (!ms) return '—';
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
