/**
 * The UI's unit and HTTP-level tests, run in one process by `npm test` (the browser tests are
 * the *.spec.ts files, run by Playwright with `npm run test:ui`). Run one part alone with
 * `node --import tsx --test test/ui/<part>.suite.ts`.
 */
import './html.suite.ts';
import './requestSafety.suite.ts';
import './findChromium.suite.ts';
import './uiSettings.suite.ts';
