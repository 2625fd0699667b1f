import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DefectError, listDefects } from '../../harness/defects/defectCatalogue.ts';
import { materializeDefect } from '../../harness/defects/materializeDefect.ts';
import { RegisterError } from '../../gate/register/requirementRegister.ts';
import { ConnectedApps } from '../../org/auth/connectedApps.ts';
import { loadOrgMetadata } from '../../org/metadata/loadOrgMetadata.ts';
import { MetadataError } from '../../org/metadata/types.ts';
import { CliError, ExitCode } from '../exitCodes.ts';

const USAGE = `Usage: golive defects <list|materialize|check> [options]

The defect catalogue (orgs/defects/): copies of the default org, each with one misconfiguration
a go-live could ship with and the one requirement it breaks (orgs/defects/README.md).

  golive defects list [--json]          the defects: slug, requirement broken, title
  golive defects materialize <slug> <dir>
                                        the default org with that defect, written to <dir> (new
                                        or empty); run the suite on it with GOLIVE_ORG_METADATA=<dir>
  golive defects check                  every defect materializes and loads with no metadata problem`;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]} (in 'golive defects'). Run 'golive defects --help'.`, ExitCode.usage);
  }
}

function list(json: boolean): number {
  for (const d of listDefects()) {
    if (json) console.log(JSON.stringify({ slug: d.slug, breaks: d.breaks, title: d.title, why: d.why, symptom: d.symptom }));
    else console.log(`${d.slug.padEnd(34)} ${d.breaks.padEnd(8)} ${d.title}`);
  }
  return ExitCode.ok;
}

/** A defect the local org would not load exactly as written proves nothing about the suite. */
function check(): number {
  const defects = listDefects();
  const failures: string[] = [];
  for (const d of defects) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `golive-defect-${d.slug}-`));
    try {
      materializeDefect(d.slug, dir);
      const definition = loadOrgMetadata(dir);
      const problems = [...definition.problems.map((p) => `${p.file} [${p.element}] ${p.message}`), ...ConnectedApps.fromProject(dir).problems];
      if (problems.length > 0) failures.push(`${d.slug}: ${problems.length} metadata problem(s), first: ${problems[0]}`);
      else console.log(`ok  ${d.slug} (${d.breaks})`);
    } catch (err) {
      if (!(err instanceof MetadataError)) throw err;
      failures.push(`${d.slug}: ${err.message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const line of failures) console.error(`bad ${line}`);
  if (failures.length > 0) throw new CliError(`${failures.length} of ${defects.length} defect(s) do not load cleanly (listed above); the local org must load a defect with no metadata problem.`, ExitCode.metadata);
  console.log(`golive: all ${defects.length} defects load with no metadata problem.`);
  return ExitCode.ok;
}

export async function defectsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest);
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || values.help) {
    console.log(USAGE);
    return sub === undefined ? ExitCode.usage : ExitCode.ok;
  }
  try {
    switch (sub) {
      case 'list':
        if (positionals.length > 0) throw new CliError(`'golive defects list' takes no arguments.`, ExitCode.usage);
        return list(values.json ?? false);
      case 'materialize': {
        if (positionals.length !== 2) throw new CliError(`'golive defects materialize' takes a defect and a folder: golive defects materialize <slug> <dir>.`, ExitCode.usage);
        const { dir, defect } = materializeDefect(positionals[0], positionals[1]);
        console.log(`golive: ${defect.slug} (breaks ${defect.breaks}) written to ${dir}; run the suite on it with GOLIVE_ORG_METADATA=${dir}`);
        return ExitCode.ok;
      }
      case 'check':
        if (positionals.length > 0) throw new CliError(`'golive defects check' takes no arguments.`, ExitCode.usage);
        return check();
      default:
        throw new CliError(`unknown 'golive defects' command '${sub}'; use list, materialize or check.`, ExitCode.usage);
    }
  } catch (err) {
    if (err instanceof DefectError || err instanceof RegisterError) throw new CliError(err.message, ExitCode.usage);
    throw err;
  }
}
