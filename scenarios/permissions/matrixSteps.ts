import { convertCellTitle, fieldCellTitle, objectCellTitle, recordCellTitle } from './cellTitles.ts';
import type { MatrixSubjects } from './matrixSubjects.ts';
import type { ConvertCell, FieldCell, ObjectRightCell, RecordCell, RequirementCells } from './permissionMatrix.ts';

/** How one channel (the API, the UI) checks each kind of cell. */
export interface CellChecks {
  objectRight(cell: ObjectRightCell): Promise<void>;
  conversion(cell: ConvertCell): Promise<void>;
  field(cell: FieldCell): Promise<void>;
  record(cell: RecordCell): Promise<void>;
}

export interface MatrixStep {
  title: string;
  run(): Promise<void>;
}

/**
 * A test's steps, one per cell, in the order the matrix lists them: its object's rights, then
 * conversion, fields and records (the cells on the subject record follow each other, so one
 * page visit serves them).
 */
export function matrixSteps(group: RequirementCells, checks: CellChecks, subjects: MatrixSubjects): MatrixStep[] {
  return [
    ...group.objects.map((cell) => ({ title: objectCellTitle(cell, subjects.worksOnOwn(cell.object)), run: () => checks.objectRight(cell) })),
    ...group.conversion.map((cell) => ({ title: convertCellTitle(cell), run: () => checks.conversion(cell) })),
    ...group.fields.map((cell) => ({ title: fieldCellTitle(cell), run: () => checks.field(cell) })),
    ...group.records.map((cell) => ({ title: recordCellTitle(cell), run: () => checks.record(cell) })),
  ];
}
