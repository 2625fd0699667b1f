import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSigningKey, SIGNING_KEY_VARIABLE } from '../integrity/gateKeys.ts';
import { MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from '../integrity/recordManifest.ts';
import { sealGateRecord } from '../integrity/sealGateRecord.ts';
import type { Verdict } from '../verdict/verdictTypes.ts';
import { renderGateHtml } from './renderGateHtml.ts';
import { renderGateMarkdown } from './renderGateMarkdown.ts';
import { stableJson } from './stableJson.ts';

/**
 * Writes the go-live record into `outDir` (normally <reports>/gate/): gate.json (the Verdict,
 * pretty, keys in a stable order so two records of the same verdict are byte-identical), gate.md
 * and gate.html rendered from it, then the seal (gate.sha256; gate.sig and gate.pub when a
 * signing key is configured: `options.signingKeyFile`, else GOLIVE_GATE_SIGNING_KEY).
 * Returns the paths written.
 */
export async function writeGateRecord(
  outDir: string,
  verdict: Verdict,
  options: { signingKeyFile?: string },
): Promise<{ files: string[] }> {
  const signingKeyFile = options.signingKeyFile ?? (process.env[SIGNING_KEY_VARIABLE]?.trim() || undefined);
  // A key that cannot sign stops the gate before anything is written, not halfway through.
  if (signingKeyFile) loadSigningKey(signingKeyFile);
  await mkdir(outDir, { recursive: true });
  // An earlier record's seal must never sit beside this record's files, even if sealing fails.
  for (const stale of [MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE]) await rm(path.join(outDir, stale), { force: true });
  const documents: [string, string][] = [
    ['gate.json', stableJson(verdict)],
    ['gate.md', renderGateMarkdown(verdict)],
    ['gate.html', renderGateHtml(verdict)],
  ];
  for (const [name, text] of documents) await writeFile(path.join(outDir, name), text);
  const seal = await sealGateRecord(outDir, { signingKeyFile });
  return { files: [...documents.map(([name]) => name), ...seal.files].map((name) => path.join(outDir, name)) };
}
