/**
 * Lightning's URL scheme, in one place: pages link with these, never with hand-built strings.
 * Object names and ids come from the schema and from records, but are encoded anyway.
 */
const seg = encodeURIComponent;

export const recordViewUrl = (objectName: string, id: string): string => `/lightning/r/${seg(objectName)}/${seg(id)}/view`;
export const recordEditUrl = (objectName: string, id: string): string => `/lightning/r/${seg(objectName)}/${seg(id)}/edit`;
export const objectHomeUrl = (objectName: string): string => `/lightning/o/${seg(objectName)}/home`;
export const newRecordUrl = (objectName: string): string => `/lightning/o/${seg(objectName)}/new`;

export function listViewUrl(objectName: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return `/lightning/o/${seg(objectName)}/list${qs ? `?${qs}` : ''}`;
}

export const searchUrl = (term: string): string => `/lightning/search?q=${seg(term)}`;
