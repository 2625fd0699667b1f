import { covers, test } from '../../fixtures/index.ts';
import { testTitle } from './cellTitles.ts';
import { MatrixSubjects } from './matrixSubjects.ts';
import { matrixSteps } from './matrixSteps.ts';
import { cellsByPersonaAndRequirement } from './permissionMatrix.ts';
import { UiBoundary } from './uiBoundary.ts';

/**
 * The permission matrix (permissionMatrix.ts) in the browser: one test per persona,
 * requirement and object, one step per cell. What Lightning offers the persona (New, Edit,
 * Delete, Convert, a field's pencil) and what it withholds (the no-access page, a field left off
 * the page).
 */
test.describe('Permission boundaries in the UI', { annotation: { type: 'owner', description: 'Compliance' } }, () => {
  // Every test makes its own records and only reads the seed data: they can run side by side.
  test.describe.configure({ mode: 'parallel' });

  for (const group of cellsByPersonaAndRequirement()) {
    test(testTitle(group, 'UI'), covers(group.requirement), async ({ asPersona, records }) => {
      const subjects = new MatrixSubjects(group.persona, asPersona, records);
      const ui = new UiBoundary(await asPersona(group.persona), subjects);
      for (const step of matrixSteps(group, ui, subjects)) await test.step(step.title, step.run);
    });
  }
});
