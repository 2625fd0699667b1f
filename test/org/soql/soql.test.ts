/**
 * The SOQL engine's tests, in one process: loading the SOQL parser (its grammar is built at import)
 * costs most of a second, which one test file per topic would pay eight times over.
 */
import './access.suite.ts';
import './aggregate.suite.ts';
import './dates.suite.ts';
import './errors.suite.ts';
import './paging.suite.ts';
import './select.suite.ts';
import './sql.suite.ts';
import './where.suite.ts';
