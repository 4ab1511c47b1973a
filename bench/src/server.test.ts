import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processTree, startOptions } from './server.ts';

describe('processTree', () => {
  it('finds the processes below a pid (the server workers whose memory is summed)', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const tree = await processTree(process.pid);
      expect(tree[0]).toBe(process.pid);
      expect(tree).toContain(child.pid);
      expect(await processTree(child.pid!)).toEqual([child.pid]);
    } finally {
      child.kill();
    }
  });
});

describe('startOptions', () => {
  it("takes npm start's Node.js options, so the bench's server runs as npm start's", () => {
    expect(
      startOptions('node --max-semi-space-size=64 --import tsx apps/cli/src/main.ts serve'),
    ).toEqual(['--max-semi-space-size=64']);
    expect(startOptions('node --import tsx apps/cli/src/main.ts serve')).toEqual([]);
    expect(() => startOptions('tsx apps/cli/src/main.ts serve')).toThrow(/does not start node/);
    // The repository's own start script is read when none is given: node flags only.
    for (const option of startOptions()) expect(option).toMatch(/^--/);
  });
});
