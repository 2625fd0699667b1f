#!/usr/bin/env node
// golive ships TypeScript sources and runs them through tsx, so there is no build step between
// a clone and the first run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/golive.ts');
process.exitCode = await main(process.argv.slice(2));
