import { appendFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPath } from '../../src/io/bundled.js';
import { compiledPathFor, hashSource, readCompiledQuestionnaire } from '../../src/io/compiled-questionnaire.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import { fixture, tempDir } from '../helpers/cli.js';

// The build validates the bundled questionnaire once; what start-up reads must be exactly that.
describe('the compiled bundled questionnaire', () => {
  const path = bundledPath('cxm-playbook') ?? '';

  it('exists after the build and equals the fully validated YAML', async () => {
    expect(existsSync(compiledPathFor(path))).toBe(true);
    const validated = await loadQuestionnaireFile(path, { useCompiled: false });
    expect(readCompiledQuestionnaire(path)).toEqual(validated.questionnaire);
  });

  it('is ignored once the YAML source changes, and never used outside questionnaires/', () => {
    const dir = tempDir();
    const yaml = join(dir, 'cxm-playbook.yaml');
    const compiled = join(dir, 'cxm-playbook.json');
    copyFileSync(path, yaml);
    copyFileSync(compiledPathFor(path), compiled);
    expect(readCompiledQuestionnaire(yaml, { bundled: dir, compiled })?.id).toBe('cxm-playbook');
    appendFileSync(yaml, '# edited after the build\n');
    expect(readCompiledQuestionnaire(yaml, { bundled: dir, compiled })).toBeUndefined();
    expect(readCompiledQuestionnaire(fixture('questionnaire-retail/retail-cx.yaml'))).toBeUndefined();
  });

  it('hashes bytes the same wherever they sit in memory, and tells apart a one-byte edit', () => {
    const text = Buffer.from('questionnaire: cxm-playbook\nanswers:\n  jt-1: 3\nquestionnaireVersion: 1.0.0\n');
    const backing = Buffer.alloc(text.length + 3);
    text.copy(backing, 3);
    const unaligned = backing.subarray(3);
    expect(unaligned.byteOffset % 4).not.toBe(0);
    expect(hashSource(unaligned)).toBe(hashSource(new Uint8Array(text)));
    const edited = Buffer.from(text);
    edited[text.length - 2] = '4'.charCodeAt(0);
    expect(hashSource(edited)).not.toBe(hashSource(text));
  });
});
