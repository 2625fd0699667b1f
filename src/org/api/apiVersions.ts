import { SfErrors } from '../errors/SfErrors.ts';

/** The API versions the local org answers to. Salesforce serves every version back to 20.0. */
export const OLDEST_API_VERSION = 20;
export const LATEST_API_VERSION = 66;

/** Salesforce's release name for an API version: v20.0 was Winter '11, three releases a year. */
export function releaseLabel(major: number): string {
  const n = major - 20;
  const season = ['Winter', 'Spring', 'Summer'][n % 3];
  return `${season} '${String(11 + Math.floor(n / 3)).padStart(2, '0')}`;
}

export function supportedVersions(): Array<{ label: string; url: string; version: string }> {
  const out = [];
  for (let v = OLDEST_API_VERSION; v <= LATEST_API_VERSION; v++) {
    out.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return out;
}

/** Checks a `NN.N` version from a URL; an unknown one is a missing resource, as on Salesforce. */
export function checkApiVersion(version: string): string {
  const m = /^(\d{2})\.0$/.exec(version);
  const major = m ? Number(m[1]) : NaN;
  if (!(major >= OLDEST_API_VERSION && major <= LATEST_API_VERSION)) throw SfErrors.notFound();
  return version;
}
