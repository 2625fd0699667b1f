import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestStep } from '@playwright/test/reporter';

/** Writes where each `test.step` of the run is said to be (the JSON reporter leaves step locations out). */
export default class StepLocationReporter implements Reporter {
  private readonly steps: Array<{ title: string; file?: string; line?: number }> = [];

  constructor(private readonly options: { outputFile: string }) {}

  onStepEnd(_test: unknown, _result: unknown, step: TestStep): void {
    if (step.category === 'test.step') this.steps.push({ title: step.title, file: step.location?.file, line: step.location?.line });
  }

  onEnd(): void {
    fs.mkdirSync(path.dirname(this.options.outputFile), { recursive: true });
    fs.writeFileSync(this.options.outputFile, JSON.stringify(this.steps, null, 2));
  }
}
