import { describe, expect, it } from 'vitest';
import {
  inline,
  literal,
  parsePgbenchOutput,
  parseTrace,
  pgbenchScript,
  quote,
} from './pgbench-script.ts';

describe('trace → pgbench script', () => {
  it('quotes text, doubling quotes, and spells colons so pgbench sees no variable', () => {
    expect(quote("O'Brien")).toBe("'O''Brien'");
    expect(quote('2026-12-07T05:19:08.000Z')).toBe("U&'2026-12-07T05\\003A19\\003A08.000Z'");
    // Inside a Unicode-escape constant the backslash is the escape: doubled.
    expect(quote('a\\b:c')).toBe("U&'a\\\\b\\003Ac'");
    expect(() => quote('a\0b')).toThrow(/NUL/);
  });

  it('writes parameters as node-postgres sends them', () => {
    expect(literal(null)).toBe('NULL');
    expect(literal(undefined)).toBe('NULL');
    expect(literal('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(
      "'3f2504e0-4f89-11d3-9a0c-0305e82c3301'",
    );
    expect(literal(51)).toBe("'51'");
    expect(literal(true)).toBe("'true'");
    expect(literal(['in_use', 'say "hi"', null, 'back\\slash'])).toBe(
      `'{"in_use","say \\"hi\\"",NULL,"back\\\\slash"}'`,
    );
    expect(literal([[1, 2], [3]])).toBe(`'{{"1","2"},{"3"}}'`);
    // JSON has colons: the constant spells each as \003A (pgbench reads ':1' as a variable).
    expect(literal({ ja: "日本's", k: 1 })).toBe(`U&'{"ja"\\003A"日本''s","k"\\003A1}'`);
    expect(literal(['a'])).toBe(`'{"a"}'`);
  });

  it('inlines $n (not $10 as $1, not inside identifiers) and keeps :: casts', () => {
    const params = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(inline({ text: 'select $1::uuid, $10, x$1 from t where a = $2;', params })).toBe(
      "select 'v1'::uuid, 'v10', x$1 from t where a = 'v2'",
    );
    expect(() => inline({ text: 'select $2', params: ['a'] })).toThrow(/without a parameter/);
    expect(() => inline({ text: "select to_char(now(), 'HH:MI')", params: [] })).toThrow(
      /variable/,
    );
  });

  it('turns trace lines into one command per statement', () => {
    const trace = [
      JSON.stringify({ text: 'begin', params: [] }),
      '',
      JSON.stringify({
        text: 'select * from "assets" where "organization_id" = $1 limit $2',
        params: ['o', 51],
      }),
      JSON.stringify({ text: 'commit' }),
    ].join('\n');
    const statements = parseTrace(trace);
    expect(statements).toHaveLength(3);
    expect(pgbenchScript(statements)).toBe(
      `begin;\nselect * from "assets" where "organization_id" = 'o' limit '51';\ncommit;\n`,
    );
    expect(() => pgbenchScript([])).toThrow(/no statements/);
  });

  it("reads pgbench's report", () => {
    const output = `transaction type: /tmp/x.sql
scaling factor: 1
query mode: extended
number of clients: 50
number of threads: 2
maximum number of tries: 1
duration: 3 s
number of transactions actually processed: 4521
number of failed transactions: 0 (0.000%)
latency average = 33.012 ms
initial connection time = 52.110 ms
tps = 1514.594372 (without initial connection time)
`;
    expect(parsePgbenchOutput(output)).toEqual({ tps: 1514.594372, latencyMs: 33.012, failed: 0 });
    expect(() => parsePgbenchOutput('pgbench (15)\npgbench: error: connection failed\n')).toThrow(
      /no tps from pgbench: pgbench: error: connection failed/,
    );
  });
});
