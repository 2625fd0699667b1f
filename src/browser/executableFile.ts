import { accessSync, constants, existsSync } from 'node:fs';

/** Is this path there and executable by the current user? (Browsers, ffmpeg: found, never assumed.) */
export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return existsSync(file);
  } catch {
    return false;
  }
}
