/**
 * The authentication suite, run in one process: each test process pays seconds to load jsforce
 * and build the org app, which would be most of the suite's time if every file paid it. Run one
 * part alone with `node --import tsx --test test/org/auth/<part>.suite.ts`.
 */
import './connectedApps.suite.ts';
import './jwtBearer.suite.ts';
import './soapLogin.suite.ts';
import './oauthPassword.suite.ts';
import './jwtBearerFlow.suite.ts';
import './identity.suite.ts';
import './sessionExpiry.suite.ts';
