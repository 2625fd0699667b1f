// Requests the client scripts make. GETs fetch server-rendered fragments; anything that changes
// state must go through postForm/postJson, which add the session's CSRF token (from the
// <meta name="csrf-token"> the page shell renders) as the X-CSRF-Token header.
import { showAuraError } from './auraError.js';

export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') || '' : '';
}

/** A failed request: the session ended (reload → login page), or Lightning's error dialog. */
async function failed(response) {
  if (response.status === 401) {
    window.location.reload();
    return new Promise(() => {});
  }
  const detail = await response.text().catch(() => '');
  showAuraError(detail || `${response.status} ${response.statusText}`);
  throw new Error(`request failed: ${response.status}`);
}

/** The HTML of a fragment endpoint (/lightning/_ui/…). */
export async function fetchFragment(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
  } catch (err) {
    showAuraError(String(err));
    throw err;
  }
  if (!response.ok) return failed(response);
  return response.text();
}

/** POST a form-encoded body with the CSRF header; resolves to the Response. */
export async function postForm(url, fields) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrfToken() },
    body: new URLSearchParams(fields).toString(),
  });
  if (!response.ok && response.status !== 400) return failed(response);
  return response;
}

/** POST JSON with the CSRF header; resolves to the Response. */
export async function postJson(url, value) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
    body: JSON.stringify(value),
  });
  if (!response.ok && response.status !== 400) return failed(response);
  return response;
}

/** Parses fragment HTML into a detached element (a <template>, so nothing runs or loads). */
export function parseFragment(htmlText) {
  const template = document.createElement('template');
  template.innerHTML = htmlText;
  return template.content;
}
