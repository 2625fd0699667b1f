import { covers, test } from '../../fixtures/index.ts';
import { ApiBoundary } from './apiBoundary.ts';
import { testTitle } from './cellTitles.ts';
import { MatrixSubjects } from './matrixSubjects.ts';
import { matrixSteps } from './matrixSteps.ts';
import { cellsByPersonaAndRequirement } from './permissionMatrix.ts';

/**
 * The permission matrix (permissionMatrix.ts) through the API: one test per persona,
 * requirement and object, one step per cell. Each persona acts with its own connection; what
 * must work is done, what must be refused is tried and must fail with Salesforce's error code.
 */
test.describe('Permission boundaries through the API', { annotation: { type: 'owner', description: 'Compliance' } }, () => {
  // Every test makes its own records and only reads the seed data: they can run side by side.
  test.describe.configure({ mode: 'parallel' });

  for (const group of cellsByPersonaAndRequirement()) {
    test(testTitle(group, 'API'), covers(group.requirement), async ({ asPersona, records }) => {
      const subjects = new MatrixSubjects(group.persona, asPersona, records);
      const api = new ApiBoundary(await asPersona(group.persona), subjects);
      for (const step of matrixSteps(group, api, subjects)) await test.step(step.title, step.run);
    });
  }
});
