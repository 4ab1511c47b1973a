import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processTree } from './server.ts';

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
