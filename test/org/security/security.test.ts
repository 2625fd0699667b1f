/**
 * The security model's tests, in one process: jsforce and the SOQL parser cost about a second to
 * load, which one file per topic would pay over and over.
 */
import './defaultOrgPersonas.suite.ts';
import './sharingModel.suite.ts';
import './permissions.suite.ts';
import './sharingRulesMetadata.suite.ts';
import './permissionCatalog.suite.ts';
