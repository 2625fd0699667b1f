import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

/**
 * Video of failures, end to end: a small suite (video/video.scenario.ts, `video` decided as the
 * UAT suite decides it) runs in its own Playwright process against a local org, with no
 * GOLIVE_VIDEO, so the ffmpeg is whatever this machine offers Playwright (its own, or the
 * system's put in its place by src/browser/ensureVideoEncoder.ts). Its JSON report is read here:
 * videos are attached when the persona contexts close, after the test, where no test can look.
 */

interface Attachment { name: string; contentType: string; path?: string }
interface Result { status: string; retry: number; attachments: Attachment[] }
interface Spec { title: string; tests: Array<{ results: Result[] }> }
interface Report { suites: Array<{ specs: Spec[]; suites?: Report['suites'] }> }

const ROOT = path.resolve(import.meta.dirname, '../..');
const NO_ENCODER_HINT = 'is there an ffmpeg with VP9? `apt-get install -y ffmpeg` (or `npm run uat`, which installs it on Debian as root)';

/** What ffprobe sees in the file, or undefined where there is no ffprobe. */
function probe(file: string): { codec: string; width: number; height: number; frames: number } | undefined {
  const res = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_type,codec_name,width,height,nb_read_frames', '-of', 'json', file], { encoding: 'utf8' });
  if (res.error && (res.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  assert.equal(res.status, 0, `ffprobe reads ${file}: ${res.stderr}`);
  const [stream] = (JSON.parse(res.stdout) as { streams: Array<Record<string, string | number>> }).streams;
  assert.ok(stream && stream.codec_type === 'video', `${file} has a video stream: ${res.stdout}`);
  return { codec: String(stream.codec_name), width: Number(stream.width), height: Number(stream.height), frames: Number(stream.nb_read_frames) };
}

describe('video of failed scenarios', () => {
  let out: string;
  let output = '';
  let report: Report;
  const result = (title: string): Result => {
    const specs = report.suites.flatMap(function all(s): Spec[] { return [...s.specs, ...(s.suites ?? []).flatMap(all)]; });
    const spec = specs.find((s) => s.title === title);
    assert.ok(spec, `the report has '${title}'`);
    // The last attempt: a failed test's retry is the one with video.
    return spec.tests[0].results.at(-1)!;
  };

  before(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-video-'));
    const env: NodeJS.ProcessEnv = { ...process.env, GOLIVE_VIDEO_TEST_OUT: out };
    delete env.GOLIVE_VIDEO;
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'test/harness/video/playwright.config.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(fs.existsSync(path.join(out, 'report.json')), `the nested run wrote its report (exit ${code}):\n${output}`);
    report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    assert.equal(code, 1, `the nested run fails: one test fails on purpose\n${output}`);
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('a failed test has a playable WebM of each persona it used, from its retry', () => {
    const r = result('two personas, then a lead that is not there: fails');
    assert.equal(r.status, 'failed');
    assert.equal(r.retry, 1, 'the video comes from the retry: the first attempt runs without a camera');
    const videos = r.attachments.filter((a) => a.contentType === 'video/webm');
    assert.deepEqual(videos.map((a) => a.name), ['junior-rep video', 'sales-manager video'], `${NO_ENCODER_HINT}; attachments: ${r.attachments.map((a) => a.name).join(', ')}\n${output}`);
    for (const video of videos) {
      assert.ok(video.path && fs.existsSync(video.path), `${video.name} is a file`);
      const bytes = fs.readFileSync(video.path);
      assert.equal(bytes.subarray(0, 4).toString('hex'), '1a45dfa3', `${video.name} starts with the EBML magic of a WebM`);
      assert.match(bytes.subarray(0, 64).toString('latin1'), /webm/, `${video.name} is a WebM, not any Matroska`);
      assert.ok(bytes.length > 10_000, `${video.name} has content (${bytes.length} bytes)`);
      const seen = probe(video.path);
      if (seen) {
        assert.ok(seen.codec === 'vp9' || seen.codec === 'vp8', `${video.name} is VP8/VP9: ${seen.codec}`);
        assert.deepEqual([seen.width, seen.height], [1280, 800], `${video.name} has the page's size`);
        assert.ok(seen.frames > 1, `${video.name} has more than one frame (${seen.frames})`);
      }
    }
  });

  it('a passed test keeps no video, attached or on disk', () => {
    const r = result('the rep opens the open leads: passes');
    assert.equal(r.status, 'passed');
    assert.deepEqual(r.attachments.filter((a) => a.contentType === 'video/webm'), []);
    // Playwright copies an attached file into the test's own output folder: the failed test's
    // folder may hold its videos twice, the passed test's none.
    const failed = result('two personas, then a lead that is not there: fails');
    const results = path.join(out, 'results');
    const testFolder = (file: string) => path.relative(results, file).split(path.sep)[0];
    const failedFolders = new Set(failed.attachments.filter((a) => a.path).map((a) => testFolder(path.resolve(a.path!))));
    const webms = fs.readdirSync(results, { recursive: true }).map(String).filter((f) => f.endsWith('.webm'));
    assert.ok(webms.length > 0);
    assert.deepEqual(webms.filter((f) => !failedFolders.has(testFolder(path.join(results, f)))), [], "no WebM is left outside the failed test's folder");
  });

  it('global setup does not announce a run without video', () => {
    assert.doesNotMatch(output, /no video of failures/);
  });
});
